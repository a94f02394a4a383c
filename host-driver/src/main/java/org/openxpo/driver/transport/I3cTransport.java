package org.openxpo.driver.transport;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.time.PollSchedule;
import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.time.HostClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a module over I3C: at open it resets dynamic addresses (RSTDAA), assigns one with ENTDAA and enables
 * in-band interrupts (ENEC); afterwards every "I2C" transfer the driver makes to 0x50 goes out as an I3C private
 * transfer to the dynamic address, and IBIs arrive as events. The rest of the driver does not know the difference.
 */
public final class I3cTransport implements Transport {
    /** First dynamic address handed out (0x08 is the lowest valid one). */
    public static final int FIRST_DYNAMIC_ADDRESS = 0x08;

    /** How long a re-plugged module may take before it answers DAA (MgmtInit, which hosts allow 2 s, and more). */
    private static final Duration REASSIGN_WINDOW = Duration.ofSeconds(5);
    private static final PollSchedule REASSIGN_POLLS = PollSchedule.every(Duration.ofMillis(50));

    private final Transport link;
    private final HostClock clock;
    private volatile I3cDevice device;
    private volatile AutoCloseable presenceWatch;
    private volatile boolean closed;

    private I3cTransport(Transport link, HostClock clock) {
        this.link = link;
        this.clock = clock;
    }

    /** Assigns a dynamic address to the module behind {@code link}; fails clearly if none answers. */
    public static I3cTransport assign(Transport link) { return assign(link, HostClock.system()); }

    /** As {@link #assign(Transport)}, waiting for a re-plugged module on {@code clock}. */
    public static I3cTransport assign(Transport link, HostClock clock) {
        I3cTransport t = new I3cTransport(link, clock);
        try {
            t.daa();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        link.onReconnect(() -> { if (!t.closed) t.daaQuietly(); });
        // A re-plugged or power-cycled module has lost its dynamic address: assign one again. Events arrive on
        // the link's I/O thread, where a blocking CCC would stall the link, so the check runs on its own thread.
        t.presenceWatch = link.subscribe(e -> {
            if (!t.closed && (e instanceof TargetEvent.Presence p && p.present() || e instanceof TargetEvent.Reset)) {
                Thread.ofVirtual().start(t::reassignIfLost);
            }
        });
        return t;
    }

    /** The link's Reset events come through unchanged. */
    @Override
    public boolean hasResetEvents() { return link.hasResetEvents(); }

    private void daa() {
        link.ccc(CccRequest.broadcast(Ccc.RSTDAA_BC));
        List<I3cDevice> found = link.entdaa(FIRST_DYNAMIC_ADDRESS);
        if (found.isEmpty()) throw new XpoException.ModuleAbsent(link.describe() + " (no I3C target answered ENTDAA)");
        device = found.getFirst();
        CccResult enabled = link.ccc(CccRequest.directWrite(Ccc.ENEC, device.dynamicAddress(), (byte) Ccc.EVENT_INT));
        if (!enabled.acknowledged()) throw new XpoException.Nack("the I3C target refused ENEC (interrupts)");
    }

    /**
     * Asks the module at the current address for its BCR; if nobody answers, runs DAA again. A module that is still
     * in MgmtInit answers neither, so this keeps trying for a while (bounded).
     */
    private void reassignIfLost() {
        Poll.until("an I3C dynamic address for " + link.describe(), () -> closed || addressed())
            .within(REASSIGN_WINDOW).every(REASSIGN_POLLS).tolerating(XpoException.class).awaitOrGiveUp(clock);
    }

    /** True when the module answers at its address, or DAA gave it one; throws while it does not answer yet. */
    private boolean addressed() {
        I3cDevice d = device;
        if (d != null && link.ccc(CccRequest.directRead(Ccc.GETBCR, d.dynamicAddress(), 1)).acknowledged()) return true;
        daa();
        return true;
    }

    private void daaQuietly() {
        try {
            daa();
        } catch (XpoException ignored) {
            // the module may be absent after a reconnect; the next transfer reports that
        }
    }

    /** The device found by ENTDAA: PID, BCR, DCR and its dynamic address. */
    public I3cDevice device() { return device; }

    @Override
    public String describe() { return "i3c+" + link.describe(); }

    @Override
    public List<I2cResult> i2c(List<I2cMessage> messages) { return link.i3c(toDynamicAddress(messages)); }

    /** The driver's batch as one I3C_BATCH over the link (one round trip). */
    @Override
    public List<List<I2cResult>> i2cBatch(List<List<I2cMessage>> transfers) {
        List<List<I2cMessage>> mapped = new ArrayList<>(transfers.size());
        for (List<I2cMessage> t : transfers) mapped.add(toDynamicAddress(t));
        return link.i3cBatch(mapped);
    }

    /** Messages to the module's I2C address 0x50 go to its dynamic address. */
    private List<I2cMessage> toDynamicAddress(List<I2cMessage> messages) {
        int address = device.dynamicAddress();
        List<I2cMessage> mapped = new ArrayList<>(messages.size());
        for (I2cMessage m : messages) {
            mapped.add(m.address() != ManagementInterface.I2C_ADDRESS ? m : new I2cMessage(m.read(), address, m.length(), m.data()));
        }
        return mapped;
    }

    @Override public List<I2cResult> i3c(List<I2cMessage> messages) { return link.i3c(messages); }
    @Override public List<List<I2cResult>> i3cBatch(List<List<I2cMessage>> transfers) { return link.i3cBatch(transfers); }
    @Override public CccResult ccc(CccRequest request) { return link.ccc(request); }
    @Override public List<I3cDevice> entdaa(int firstAddress) { return link.entdaa(firstAddress); }
    @Override public void writePin(Pin pin, boolean high) { link.writePin(pin, high); }
    @Override public boolean readPin(Pin pin) { return link.readPin(pin); }
    @Override public AutoCloseable subscribe(Consumer<TargetEvent> listener) { return link.subscribe(listener); }
    @Override public void onReconnect(Runnable action) { link.onReconnect(action); }
    @Override
    public void close() {
        closed = true;
        AutoCloseable w = presenceWatch;
        if (w != null) {
            try {
                w.close();
            } catch (Exception ignored) {
                // the link below is closed next anyway
            }
        }
        link.close();
    }
}
