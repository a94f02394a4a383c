package org.openxpo.driver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code help [COMMAND…]}: the usage of the command group it sits in, or of a command below it, as git and kubectl
 * do ({@code xpoctl help fw update}). A name that is not a command is a usage error with the closest one suggested.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of xpoctl or of a command, e.g. 'help fw update'.")
final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, e.g. show or fw update")
    List<String> path = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine().getParent();
        for (String name : path) {
            CommandLine sub = cmd.getSubcommands().get(name);
            if (sub == null) throw new CommandLine.UnmatchedArgumentException(cmd, List.of(name));
            cmd = sub;
        }
        cmd.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
