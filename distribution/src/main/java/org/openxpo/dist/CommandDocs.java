package org.openxpo.dist;

import org.openxpo.agent.cli.AgentMain;
import org.openxpo.driver.cli.XpoCtl;
import org.openxpo.emulator.cli.EmulatorMain;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes what the release bundle ships about its commands, from their picocli declarations: an AsciiDoc man page
 * for {@code xpoctl}, each of its subcommands, {@code xpo-emulator} and {@code xpo-agent} (packaging/build-release turns them into
 * roff), and a bash completion script per command. Usage: {@code CommandDocs MAN_DIR COMPLETION_DIR}.
 */
public final class CommandDocs {
    private CommandDocs() {}

    /** The commands the bundle ships, by the name of their launcher. */
    static Map<String, CommandLine> commands() {
        return Map.of("xpoctl", XpoCtl.commandLine(new XpoCtl()), "xpo-emulator", EmulatorMain.commandLine(),
            "xpo-agent", AgentMain.commandLine());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CommandDocs MAN_DIR COMPLETION_DIR");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]));
    }

    static void write(Path manDir, Path completionDir) throws IOException {
        Files.createDirectories(manDir);
        Files.createDirectories(completionDir);
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            int status = ManPageGenerator.generateManPage(manDir.toFile(), (File) null, new boolean[0], true,
                command.getValue().getCommandSpec());
            if (status != 0) throw new IOException("man page of " + command.getKey() + ": generator status " + status);
            Files.writeString(completionDir.resolve(command.getKey()),
                AutoComplete.bash(command.getKey(), command.getValue()), StandardCharsets.UTF_8);
        }
    }
}
