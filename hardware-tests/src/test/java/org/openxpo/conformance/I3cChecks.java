package org.openxpo.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.transport.I3cTransport;
import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Pages;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * The module as an I3C target (over {@code i3c+tcp://} for the tcp target, straight to the cage for embedded): dynamic
 * address assignment with the XPO provisioned ID, private transfers to the same memory, and in-band interrupts that
 * replace IntL, carrying the flag summaries. Each check opens its own I3C connection (RSTDAA, ENTDAA, ENEC) and gives
 * the interrupt back to IntL (RSTDAA) when it is done.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
@Tag(TargetConditions.I3C)
abstract class I3cChecks extends Checks {
    private static final Duration EVENT = Duration.ofSeconds(2);
    private I3cTransport i3c;
    private final List<TargetEvent.Ibi> ibis = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @BeforeEach
    void openI3c() {
        host.clearFlags();
        i3c = t.openI3c();
        ibis.clear();
        subscription = i3c.subscribe(e -> { if (e instanceof TargetEvent.Ibi ibi) ibis.add(ibi); });
    }

    @AfterEach
    void giveTheInterruptBackToIntL() throws Exception {
        subscription.close();
        try {
            i3c.ccc(CccRequest.broadcast(Ccc.RSTDAA_BC));
        } finally {
            i3c.close();
        }
        host.clearFlags();
    }

    private I3cDevice device() { return i3c.device(); }

    private TargetEvent.Ibi awaitIbi(int count) {
        return host.await(count + " IBI(s)", EVENT, () -> List.copyOf(ibis), l -> l.size() >= count,
            l -> l.size() + " IBIs").get(count - 1);
    }

    @Test
    void dynamicAddressAndProvisionedIdIdentifyAnXpo() {
        I3cDevice d = device();
        assertTrue(d.dynamicAddress() >= 0x08 && d.dynamicAddress() <= 0x7D, "dynamic address " + d.dynamicAddress());
        long pid = d.provisionedId();
        assertEquals(0x05A5, (pid >>> 33) & 0x7FFF, String.format("PID %012X manufacturer [47:33]", pid));
        assertEquals(0x0C10, (pid >>> 16) & 0xFFFF, String.format("PID %012X part [31:16] (XPO)", pid));
        assertEquals(0x001, pid & 0xFFF, String.format("PID %012X profile version [11:0]", pid));
        assertEquals(0x06, d.bcr(), "BCR: IBI-capable with payload");
        assertEquals(0x00, d.dcr(), "DCR: generic device");
    }

    @Test
    void getPidBcrAndDcrMatchTheAssignment() {
        int a = device().dynamicAddress();
        CccResult pid = i3c.ccc(CccRequest.directRead(Ccc.GETPID, a, 6));
        assertTrue(pid.acknowledged(), "GETPID to the dynamic address");
        long v = 0;
        for (byte b : pid.data()) v = (v << 8) | (b & 0xFF);
        assertEquals(device().provisionedId(), v, "GETPID must return the PID ENTDAA reported");
        assertEquals(0x06, i3c.ccc(CccRequest.directRead(Ccc.GETBCR, a, 1)).data()[0] & 0xFF, "GETBCR");
        assertEquals(0x00, i3c.ccc(CccRequest.directRead(Ccc.GETDCR, a, 1)).data()[0] & 0xFF, "GETDCR");
    }

    @Test
    void privateTransfersReachTheSameMemoryAsI2c() {
        try (RegisterAccess over = new RegisterAccess(i3c)) {
            assertArrayEquals(host.read(Pages.ADMINISTRATIVE, 0, 128, 128), over.read(Pages.ADMINISTRATIVE, 0, 128, 128),
                "page 00h over I3C private transfers vs I2C");
            assertArrayEquals(host.read(Pages.LANE_STATUS, 6, 206, 8), over.read(Pages.LANE_STATUS, 6, 206, 8),
                "page 11h bank 6 over I3C vs I2C");
        }
        host.access().invalidate();
    }

    @Test
    void ibiReplacesIntLAndCarriesTheModuleState() {
        host.cycleTx(2);
        TargetEvent.Ibi ibi = awaitIbi(1);
        byte[] p = ibi.payload();
        assertEquals(device().dynamicAddress(), ibi.address(), "the IBI comes from the module's dynamic address");
        assertEquals(0x01, p[0] & 0xFF, "mandatory data byte 01h (module flags changed)");
        assertTrue(p.length >= 2, "the payload carries 00h:3");
        assertEquals(0, p[1] & 0x01, "payload 00h:3 bit 0 = 0: interrupt asserted");
        assertEquals(1, p[1 + 1 + 2] & 0x01, "payload 00h:6 (FlagsSummaryBank2) bit 0 must point at bank 2");
        assertTrue(t.transport().readPin(Pin.INT_L), "IntL must stay high while IBIs replace it");
        assertTrue(host.interruptAsserted(), "00h:3.0 still says the interrupt is asserted");
    }

    @Test
    void ibiPayloadPointsAtBanks4To7ThroughByte13() {
        host.cycleTx(5);
        byte[] p = awaitIbi(1).payload();
        assertTrue(p.length >= 7, "7-byte payload: 01h, 00h:3, 00h:4-7, 00h:13");
        assertNotEquals(0, p[6] & (1 << 5), String.format("payload 00h:13 = 0x%02X must have bit 5 (bank 5)", p[6] & 0xFF));
    }

    @Test
    void oneIbiPerAssertionUntilTheFlagsAreRead() {
        host.cycleTx(1);
        awaitIbi(1);
        host.cycleTx(1);
        sleepQuietly();
        assertEquals(1, ibis.size(), "no second IBI while the first interrupt is still pending");
        host.read(Pages.LANE_STATUS, 1, 134, 20);
        host.cycleTx(1);
        awaitIbi(2);
    }

    @Test
    void getStatusShowsThePendingInterrupt() {
        int a = device().dynamicAddress();
        assertEquals(0, i3c.ccc(CccRequest.directRead(Ccc.GETSTATUS, a, 2)).data()[1] & 0x0F, "nothing pending");
        host.cycleTx(0);
        awaitIbi(1);
        assertEquals(1, i3c.ccc(CccRequest.directRead(Ccc.GETSTATUS, a, 2)).data()[1] & 0x0F,
            "GETSTATUS bits 3-0 while the interrupt is pending");
        host.clearFlags();
        assertEquals(0, i3c.ccc(CccRequest.directRead(Ccc.GETSTATUS, a, 2)).data()[1] & 0x0F,
            "nothing pending once the flags were read");
    }

    @Test
    void resettingTheDynamicAddressHandsThePendingInterruptToIntL() {
        host.cycleTx(3);
        awaitIbi(1);
        assertTrue(t.transport().readPin(Pin.INT_L), "IntL high while IBIs carry the interrupt");
        i3c.ccc(CccRequest.broadcast(Ccc.RSTDAA_BC));
        host.await("IntL low once RSTDAA took the I3C path away", EVENT, () -> !t.transport().readPin(Pin.INT_L),
            low -> low, low -> low ? "low" : "high");
        host.clearFlags();
        host.await("IntL high after the flags were read", EVENT, () -> t.transport().readPin(Pin.INT_L), high -> high,
            high -> high ? "high" : "low");
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
