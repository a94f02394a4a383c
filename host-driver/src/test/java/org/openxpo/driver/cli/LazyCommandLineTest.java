package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A command line builds only the command it names (a cold start's work), and everything still answers as before. */
class LazyCommandLineTest {
    private static Set<String> built(String... args) {
        return XpoCtl.commandLine(new XpoCtl(), args).getSubcommands().keySet();
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("show"), built("show"));
        assertEquals(Set.of("fw"), built("--target", "tcp://127.0.0.1:9450/1", "fw", "info"));
        assertEquals(Set.of("dump"), built("--target=embedded", "dump", "0x11"));
    }

    @Test
    void usageHelpVersionAndUnknownCommandsGetEveryCommand() {
        Set<String> all = XpoCtl.commandLine(new XpoCtl()).getSubcommands().keySet();
        assertEquals(XpoCtl.COMMANDS.size(), all.size(), "every command has its own name");
        for (List<String> args : List.of(List.<String>of(), List.of("help", "show"), List.of("-h", "show"),
                List.of("--version"), List.of("shwo"), List.of("--target"))) {
            assertEquals(all, built(args.toArray(String[]::new)), "for " + args);
        }
    }

    @Test
    void theTargetOptionReachesALazilyBuiltCommand() {
        CliRun r = CliRun.run("--target", "tcp://127.0.0.1:1/1", "show");
        assertEquals(ExitCode.UNREACHABLE, r.code(), r.toString());
        assertTrue(r.err().contains("127.0.0.1:1"), r.toString());
        CommandLine cl = XpoCtl.commandLine(new XpoCtl(), "show");
        assertNotNull(cl.getSubcommands().get("show").getCommandSpec().findOption("--target"),
            "--target is inherited by the one command built");
    }
}
