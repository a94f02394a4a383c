package org.openxpo.dist;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell examples of the user docs run as written (README, "Quick start"): each transcript's commands run in one bash
 * from the repository root and print what the doc shows; each block of commands exits with 0; a block the check must
 * not run says so with `<!-- example: not run (REASON) -->`. Blocks run in document order against one emulator per
 * document, started when the first example names its ports, so an example may build on the one before it. The
 * documents run at once, each in its own scratch directory; an agent a block starts on the docs' port 9464 gets a
 * free port of its document instead, so two documents' agents never meet.
 */
@Execution(ExecutionMode.CONCURRENT)                   // one document per thread: see junit-platform.properties
class DocExamplesTest {
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(120);
    /** The agent's default HTTP port, as the docs write it after ':' (a URL) or ' ' (--http-port). */
    private static final Pattern AGENT_PORT = Pattern.compile("(?<=[: ])9464\\b");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/emulator-server.md", "docs/host-driver.md", "docs/firmware.md",
        "docs/agent.md", "hardware-tests/README.md"})
    void theExamplesRunAsWritten(String doc, @TempDir Path scratch) throws Exception {
        Path root = Repo.root();
        Shell shell = new Shell(root, scratch);
        List<String> failures = new ArrayList<>();
        int run = 0, commands = 0, notRun = 0;
        Emulator emulator = null;
        String agentPort = Integer.toString(freePort());
        try {
            for (DocBlock block : MarkdownBlocks.read(root.resolve(doc), doc)) {
                if (!block.isExample()) continue;
                if (block.notRunReason() != null) {
                    notRun++;
                    continue;
                }
                if (emulator == null && String.join("\n", block.lines()).matches("(?s).*:945[01]\\b.*")) {
                    emulator = Emulator.start(root, scratch);
                }
                run++;
                commands += block.isTranscript() ? Transcript.of(block.lines()).steps().size() : 1;
                if (block.isTranscript()) failures.addAll(runTranscript(shell, block, emulator, agentPort));
                else failures.addAll(runCommands(shell, block, emulator, agentPort));
            }
        } finally {
            if (emulator != null) emulator.close();
        }
        System.out.printf("%s: %d examples run (%d commands; a sh block counts as one), %d not run%n",
            doc, run, commands, notRun);
        assertTrue(failures.isEmpty(), doc + ": " + failures.size() + " example(s) do not run as written:\n\n"
            + String.join("\n\n", failures));
    }

    private static List<String> runTranscript(Shell shell, DocBlock block, Emulator emulator, String agentPort) throws Exception {
        Transcript transcript = Transcript.of(block.lines());
        String salt = "__doc_example_" + UUID.randomUUID() + "__";
        StringBuilder script = new StringBuilder();
        for (Transcript.Step step : transcript.steps()) {
            // the separator keeps the command's exit status for the next command's `$?`
            script.append(substitute(emulator, agentPort, step.command())).append('\n')
                .append("__status=$?; printf '\\n%s\\n' ").append(salt).append("; (exit $__status)\n");
        }
        // CRLF (HTTP headers from curl -i) reads as the line end a terminal shows
        String[] outputs = shell.run(script.toString(), BLOCK_TIMEOUT).output().replace("\r\n", "\n")
            .split("\n" + salt + "\n", -1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < transcript.steps().size(); i++) {
            Transcript.Step step = transcript.steps().get(i);
            List<String> actual = i < outputs.length ? Transcript.trimTrailingBlanks(Arrays.asList(outputs[i].split("\n", -1)))
                : List.of("(no output: the script ended before this command)");
            List<String> expected = step.expected().stream().map(line -> substitute(emulator, agentPort, line)).toList();
            if (!OutputMatcher.matches(expected, actual, block.valuesVary())) {
                failures.add(block.where() + ": $ " + step.command() + "\n--- the doc shows:\n" + String.join("\n", expected)
                    + "\n--- it printed:\n" + String.join("\n", actual));
            }
        }
        return failures;
    }

    private static List<String> runCommands(Shell shell, DocBlock block, Emulator emulator, String agentPort) throws Exception {
        String script = substitute(emulator, agentPort, String.join("\n", block.lines()));
        Shell.Result result = shell.run("set -e\n" + script, BLOCK_TIMEOUT);
        return result.exitCode() == 0 ? List.of()
            : List.of(block.where() + ": exit code " + result.exitCode() + " from\n" + script + "\n--- it printed:\n" + result.output());
    }

    private static String substitute(Emulator emulator, String agentPort, String text) {
        String agent = AGENT_PORT.matcher(text).replaceAll(agentPort);
        return emulator == null ? agent : emulator.substitute(agent);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
