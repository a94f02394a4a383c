package org.openxpo.driver.cli;

import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.protocol.time.HostClock;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A firmware download's progress on stderr, so stdout keeps only the result: a bar redrawn in place on a terminal, a
 * line every 10 % otherwise (a CI log), each with the rate since the download started and the time left at that rate.
 * "write  45% (118848/262208 bytes)  96.2 KiB/s  ETA 0:01".
 */
final class DownloadProgress {
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final HostClock clock;
    private long startNanos = -1;
    private int lastTenth = -1;
    private int lastWidth;
    private String lastPhase = "";

    DownloadProgress(PrintWriter err, boolean terminal, HostClock clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    void show(FirmwareUpdater.Progress p) {
        if (startNanos < 0) startNanos = clock.nanoTime();
        int pct = p.total() == 0 ? 100 : (int) (100 * p.done() / p.total());
        boolean writing = p.phase().equals("write");
        String figures = writing ? "  " + rate(p) : "";
        if (terminal) {
            int filled = pct * BAR / 100;
            String bar = String.format("%-8s [%s%s] %3d%%%s", p.phase(), "#".repeat(filled), ".".repeat(BAR - filled),
                pct, figures);
            err.print("\r" + bar + " ".repeat(Math.max(0, lastWidth - bar.length())));  // blank a longer last bar
            err.flush();
            lastWidth = bar.length();
        } else if (!writing || pct / 10 != lastTenth || !p.phase().equals(lastPhase)) {
            err.printf("%-8s %3d%% (%d/%d bytes)%s%n", p.phase(), pct, p.done(), p.total(), figures);
            err.flush();
            lastTenth = pct / 10;
        }
        lastPhase = p.phase();
    }

    /**
     * Ends the bar's line on a terminal, if one was drawn; called however the download ended, so an error line that
     * follows starts on a line of its own.
     */
    void done() {
        if (terminal && lastWidth > 0) err.println();
        lastWidth = 0;
        err.flush();
    }

    /**
     * True when xpoctl's output goes to a terminal, so a bar redrawn in place can be read. From JDK 22 on
     * {@link System#console()} is there even when the streams are redirected and {@code Console.isTerminal()} tells;
     * before, a console exists only on a terminal.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }

    private String rate(FirmwareUpdater.Progress p) {
        double seconds = (clock.nanoTime() - startNanos) / 1e9;
        if (seconds <= 0 || p.done() == 0) return "ETA --:--";
        double bytesPerSecond = p.done() / seconds;
        long left = Math.round((p.total() - p.done()) / bytesPerSecond);
        return String.format(Locale.ROOT, "%.1f KiB/s  ETA %d:%02d", bytesPerSecond / 1024, left / 60, left % 60);
    }
}
