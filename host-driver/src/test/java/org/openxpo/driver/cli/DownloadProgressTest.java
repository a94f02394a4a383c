package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.firmware.FirmwareUpdater.Progress;
import org.openxpo.protocol.time.HostClock;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class DownloadProgressTest {
    /** A clock the test moves. */
    static final class StepClock implements HostClock {
        long nanos;

        @Override public long nanoTime() { return nanos; }
        @Override public Instant instant() { return Instant.EPOCH.plusNanos(nanos); }
        @Override public void sleep(Duration d) { nanos += d.toNanos(); }
    }

    @Test
    void linesCarryTheRateSinceTheStartAndTheTimeLeft() {
        StepClock clock = new StepClock();
        StringWriter err = new StringWriter();
        DownloadProgress p = new DownloadProgress(new PrintWriter(err), false, clock);
        p.show(new Progress("start", 0, 102_400));
        clock.sleep(Duration.ofSeconds(2));
        p.show(new Progress("write", 20_480, 102_400));
        clock.sleep(Duration.ofSeconds(8));
        p.show(new Progress("write", 51_200, 102_400));
        p.done();
        assertEquals("""
            start      0% (0/102400 bytes)
            write     20% (20480/102400 bytes)  10.0 KiB/s  ETA 0:08
            write     50% (51200/102400 bytes)  5.0 KiB/s  ETA 0:10
            """, err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlace() {
        StepClock clock = new StepClock();
        StringWriter err = new StringWriter();
        DownloadProgress p = new DownloadProgress(new PrintWriter(err), true, clock);
        p.show(new Progress("start", 0, 1_024));
        clock.sleep(Duration.ofSeconds(1));
        p.show(new Progress("write", 1_024, 1_024));
        p.done();
        String text = err.toString();
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn after carriage returns: " + text);
        assertTrue(text.contains("\rwrite    [" + "#".repeat(30) + "] 100%  1.0 KiB/s  ETA 0:00"), text);
    }

    @Test
    void doneEndsAHalfDrawnBarSoAnErrorLineStartsOnItsOwn() {
        StringWriter err = new StringWriter();
        DownloadProgress p = new DownloadProgress(new PrintWriter(err), true, new StepClock());
        p.show(new Progress("write", 512, 1_024));
        p.done();   // the download failed half-way
        String text = err.toString();
        assertTrue(text.startsWith("\rwrite    [" + "#".repeat(15) + ".".repeat(15) + "]  50%"), text);
        assertTrue(text.endsWith(System.lineSeparator()), "the bar's line is ended: " + text);

        StringWriter nothingDrawn = new StringWriter();
        new DownloadProgress(new PrintWriter(nothingDrawn), true, new StepClock()).done();
        assertEquals("", nothingDrawn.toString(), "no bar, no empty line before the error");
    }
}
