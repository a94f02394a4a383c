package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A subcommand that opens the target, works on the module and closes it again. */
abstract class ModuleCommand implements Callable<Integer> {
    /** xpoctl itself, or the command group ({@code fw}, {@code diag}) this command sits in. */
    @ParentCommand
    Object parent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        validate();
        try (Session session = root().openSession()) {
            run(session, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    XpoCtl root() {
        return switch (parent) {
            case XpoCtl x -> x;
            case FirmwareCommands f -> f.root;
            case DiagCommands d -> d.root;
            default -> throw new IllegalStateException("a module command under " + parent);
        };
    }

    /** Checks the arguments before the target is opened; throws {@code XpoException.InvalidRequest} (a usage error). */
    void validate() {}

    abstract void run(Session session, PrintWriter out);
}
