package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.monitor.ModuleMonitor;
import org.openxpo.driver.monitor.MonitorEvent;
import org.openxpo.driver.monitor.MonitorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code monitor}: events as they happen and a snapshot line every interval, until Ctrl-C or N snapshots. */
@Command(name = "monitor", description = {
    "Watch the module: alarms, state, presence, link, status lines.",
    "Alarms come from IntL/IBI where the target delivers them, else from polling;",
    "a status line follows every interval."})
final class MonitorCommand extends ModuleCommand {
    /** What a run with --count may take beyond N intervals (a module that does not answer produces no snapshot). */
    private static final Duration COUNT_GRACE = Duration.ofSeconds(5);

    @Option(names = "--json", description = "one JSON object per event per line (schema openxpo.event/1)")
    boolean json;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "1s", converter = Converters.Interval.class,
        description = "snapshot period, e.g. 500ms or 2s (default: 1s)")
    Duration interval;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "stop after N snapshots (default: run until interrupted)")
    int count;

    @Override
    void validate() {
        if (count < 0) throw new XpoException.InvalidRequest("--count must be 0 or more");
    }

    /** With --count, N intervals and a grace; without, no limit (elapsed time is compared, so nothing overflows). */
    private boolean pastLimit(long elapsedNanos) {
        return count > 0 && Duration.ofNanos(elapsedNanos).compareTo(interval.multipliedBy(count).plus(COUNT_GRACE)) > 0;
    }

    @Override
    void run(Session s, PrintWriter out) {
        EventPrinter printer = new EventPrinter(out, json);
        CountDownLatch snapshots = new CountDownLatch(count > 0 ? count : 1);
        MonitorOptions options = MonitorOptions.DEFAULT.withInterval(interval).withSnapshots(true);
        Thread flushOnExit = new Thread(printer::flush, "xpoctl-flush");  // Ctrl-C ends the JVM mid-wait
        Runtime.getRuntime().addShutdownHook(flushOnExit);
        ModuleMonitor monitor = ModuleMonitor.start(s.client, options, e -> {
            printer.print(e);
            if (count > 0 && e instanceof MonitorEvent.SnapshotEvent) snapshots.countDown();
        });
        try {
            long start = s.client.clock().nanoTime();
            while (!snapshots.await(100, TimeUnit.MILLISECONDS) && !pastLimit(s.client.clock().nanoTime() - start)) {
                // on the monitor thread, so a reading's lane alarms are grouped whole however slowly they arrive
                monitor.runBetweenEvents(printer::flush);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            monitor.close();
            printer.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(flushOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it flushes
            }
        }
    }
}
