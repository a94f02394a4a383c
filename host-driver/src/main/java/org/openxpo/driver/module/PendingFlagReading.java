package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.vdm.AdvertisedVdm;

import java.time.Instant;
import java.util.List;

/**
 * A flag reading ({@link XpoModuleClient#readFlags()}) started on the transport's event thread
 * ({@link XpoModuleClient#startFlagReading()}): the reads that could go out without waiting are answered;
 * {@link #complete()} does the rest on a thread that may wait — usually nothing but decoding, the whole reading when
 * the bus was busy, a retry after a NACK — and returns the reading. Complete it once, on one thread.
 */
public final class PendingFlagReading {
    private final RegisterAccess access;
    private final Identity id;
    private final Instant time;
    private final AdvertisedVdm vdm;
    private byte[] lower;
    private FlagReader.Plan plan;
    private RegisterAccess.FieldReads lowerLater, pagesLater;

    PendingFlagReading(RegisterAccess access, Identity id, Instant time, AdvertisedVdm vdm) {
        this.access = access;
        this.id = id;
        this.time = time;
        this.vdm = vdm;
    }

    /** The lower page's window is in: plans which pages to read. */
    void lowerRead(byte[] window) {
        lower = window;
        plan = FlagReader.plan(window, id, vdm);
    }

    List<RegisterAccess.FieldRead> pageGroups() { return plan.groups(); }

    PendingFlagReading lowerLater(RegisterAccess.FieldReads reads) {
        lowerLater = reads;
        return this;
    }

    PendingFlagReading pagesLater(RegisterAccess.FieldReads reads) {
        pagesLater = reads;
        return this;
    }

    /** Finishes the reading from the windows of the flag pages' batch. */
    FlagReading finish(List<byte[]> windows) { return FlagReader.decode(access, time, lower, plan, vdm, windows); }

    /** The reading; does what is left of it first (may wait on the bus, and throws what {@code readFlags} throws). */
    public FlagReading complete() {
        if (lower == null) lowerRead(lowerLater.finish().getFirst());
        List<RegisterAccess.FieldRead> groups = plan.groups();
        if (groups.isEmpty()) return finish(List.of());
        return finish(pagesLater != null ? pagesLater.finish() : access.readFields(groups));
    }
}
