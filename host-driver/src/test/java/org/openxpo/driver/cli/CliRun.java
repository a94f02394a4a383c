package org.openxpo.driver.cli;

import org.openxpo.driver.transport.Transport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

/** Runs xpoctl in-process and keeps what it printed and its exit code. */
record CliRun(int code, String out, String err) {

    /** As the xpoctl executable does (a fresh embedded module is waited for). */
    static CliRun run(String... args) { return run(new XpoCtl(), args); }

    /** Against a module the test keeps ({@code opener} hands out its transport). */
    static CliRun run(Function<String, Transport> opener, String... args) { return run(new XpoCtl(opener), args); }

    private static CliRun run(XpoCtl app, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = XpoCtl.execute(app, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() { return "exit " + code + "\n--- out\n" + out + "--- err\n" + err; }
}
