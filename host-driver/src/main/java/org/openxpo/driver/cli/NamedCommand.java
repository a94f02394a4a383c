package org.openxpo.driver.cli;

import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/**
 * Which of xpoctl's commands a command line runs, found before picocli builds any command's model. Building a model is
 * reflection over every option of every command, about 0.1 s of CPU for all of them on a cold start; a command line that certainly runs one
 * command needs only that command's. "Certainly" is narrow on purpose: the command is the first argument that is no
 * option and no {@code --target} value, and no other option comes before it. Anything else ({@code --help}, {@code
 * help}, a typo, an {@code @file}, no command at all) gets every command, as help and suggestions need them.
 */
final class NamedCommand {
    private NamedCommand() {}

    /** The one command of {@code commands} that {@code args} runs, or empty when that is not certain. */
    static Optional<Class<?>> in(List<Class<?>> commands, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--target")) {
                // picocli takes no command name for an option's value: leave that error to it
                if (++i < args.length && command(commands, args[i]).isPresent()) return Optional.empty();
            } else if (!arg.startsWith("--target=")) {
                return arg.startsWith("-") ? Optional.empty() : named(commands, arg);
            }
        }
        return Optional.empty();
    }

    /** The command called {@code name}, unless it is a help command (it shows the others, so it needs them all). */
    private static Optional<Class<?>> named(List<Class<?>> commands, String name) {
        return command(commands, name).filter(type -> !type.getAnnotation(Command.class).helpCommand());
    }

    private static Optional<Class<?>> command(List<Class<?>> commands, String name) {
        for (Class<?> type : commands) {
            Command command = type.getAnnotation(Command.class);
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) return Optional.of(type);
        }
        return Optional.empty();
    }
}
