package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A command line that certainly runs one command builds only that command; any doubt builds them all. */
class NamedCommandTest {
    private static Optional<Class<?>> named(String... args) { return NamedCommand.in(XpoCtl.COMMANDS, args); }

    @Test
    void theCommandAfterTheTargetOrBeforeIt() {
        assertEquals(Optional.of(ReadCommands.Show.class), named("show"));
        assertEquals(Optional.of(ReadCommands.Show.class), named("--target", "tcp://127.0.0.1:1/1", "show", "--json"));
        assertEquals(Optional.of(ReadCommands.Lanes.class), named("--target=embedded", "lanes"));
        assertEquals(Optional.of(ReadCommands.Alarms.class), named("alarms", "--target", "embedded"));
        assertEquals(Optional.of(FirmwareCommands.class), named("fw", "update", "image.bin"));
    }

    @Test
    void helpVersionTyposAndOddFormsGetEveryCommand() {
        assertEquals(Optional.empty(), named());
        assertEquals(Optional.empty(), named("--target", "embedded"));
        assertEquals(Optional.empty(), named("--help", "show"), "the root's help lists every command");
        assertEquals(Optional.empty(), named("-V"));
        assertEquals(Optional.empty(), named("help", "show"), "help shows another command");
        assertEquals(Optional.empty(), named("shwo"), "a typo is answered with the closest command");
        assertEquals(Optional.empty(), named("@arguments.txt"), "an argument file may name any command");
        assertEquals(Optional.empty(), named("--", "show"));
        assertEquals(Optional.empty(), named("--target", "show", "lanes"), "picocli refuses a command as a value");
        assertEquals(Optional.empty(), named("--target"));
    }

    @Test
    void aCommandNameAsTheTargetIsStillTheUsageErrorItWasWithEveryCommandBuilt() {
        XpoCtlTest.assertOneLineError(CliRun.run("--target", "show", "lanes"), 2,
            "Expected parameter for option '--target' but found 'show'");
    }
}
