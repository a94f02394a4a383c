package org.openxpo.driver.cli;

import org.openxpo.driver.transport.Transport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A long-running xpoctl command (monitor) on its own thread: its output so far, and an interrupt as Ctrl-C. */
final class CliInBackground {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger code = new AtomicInteger(-1);
    private final Thread thread;

    private CliInBackground(XpoCtl app, String... args) {
        thread = new Thread(() -> code.set(XpoCtl.execute(app, new PrintWriter(out), new PrintWriter(err), args)), "xpoctl-test");
        thread.start();
    }

    static CliInBackground start(String... args) { return new CliInBackground(new XpoCtl(), args); }

    static CliInBackground start(Function<String, Transport> opener, String... args) {
        return new CliInBackground(new XpoCtl(opener), args);
    }

    String out() { return out.toString(); }

    boolean running() { return thread.isAlive(); }

    /** Interrupts the command as Ctrl-C would and returns what it printed and its exit code. */
    CliRun stop() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        if (thread.isAlive()) throw new AssertionError("xpoctl did not stop when interrupted:\n" + out());
        return new CliRun(code.get(), out.toString(), err.toString());
    }
}
