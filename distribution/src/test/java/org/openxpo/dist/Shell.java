package org.openxpo.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bash script from the repository root as a user would in a terminal, stdout and stderr together. The script
 * runs in a session of its own (setsid), so whatever it leaves running in the background (an emulator started with
 * `&`) is stopped with it when it ends. Its TMPDIR is the run's scratch directory: what an example makes with
 * `mktemp` never meets another run's files on the same machine.
 */
final class Shell {
    record Result(int exitCode, String output) {}

    private final Path root;
    private final Path scratch;

    Shell(Path root, Path scratch) {
        this.root = root;
        this.scratch = scratch;
    }

    Result run(String script, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile(scratch, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder("setsid", "-w", "bash", "-c", script).directory(root.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("LC_ALL", "C.UTF-8");                     // the output's °C, as in the docs
        builder.environment().remove("XPOCTL_TARGET");                     // the docs' default target
        builder.environment().put("TMPDIR", scratch.toString());           // an example's mktemp: this run's own, removed after
        Process bash = builder.start();
        boolean ended = bash.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        stopSession(bash.pid());
        if (!ended) {
            bash.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + timeout.toSeconds() + " s:\n" + script + "\n"
                + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(bash.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** SIGTERM to what is left in the script's process group; SIGKILL what still runs 10 s later. */
    private static void stopSession(long sessionId) throws IOException, InterruptedException {
        String group = "-" + sessionId;
        String stop = "kill -TERM -- " + group + " 2>/dev/null || exit 0\n"
            + "for _ in $(seq 100); do kill -0 -- " + group + " 2>/dev/null || exit 0; sleep 0.1; done\n"
            + "kill -KILL -- " + group + " 2>/dev/null\n";
        new ProcessBuilder("bash", "-c", stop).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor();
    }
}
