package org.openxpo.emulator.module;

import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The module as an I3C target, through the cage's I3C face only: dynamic address assignment, the common CCCs,
 * private transfers to the CMIS memory map, and in-band interrupts replacing IntL.
 */
class I3cTargetTest extends ModuleFixture {
    static final int DA = 0x30;

    CccResult direct(int code, int address, int... data) {
        return cage.ccc(new CccRequest(code, address, bytes(data), 0));
    }

    CccResult broadcast(int code, int... data) { return cage.ccc(CccRequest.broadcast(code, bytes(data))); }

    CccResult get(int code, int address, int len) { return cage.ccc(CccRequest.directRead(code, address, len)); }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    static int u(byte b) { return b & 0xFF; }

    List<I2cResult> i3cRead(int address, int register, int len) {
        return cage.i3c(List.of(I2cMessage.write(address, (byte) register), I2cMessage.read(address, len)));
    }

    I2cResult i3cWrite(int address, int... data) {
        return cage.i3c(List.of(I2cMessage.write(address, bytes(data)))).get(0);
    }

    int i3cReadByte(int address, int register) {
        List<I2cResult> r = i3cRead(address, register, 1);
        assertTrue(r.get(1).ok(), () -> "I3C read failed: " + r);
        return u(r.get(1).data()[0]);
    }

    boolean answersAt(int address) { return i3cRead(address, 0, 1).get(0).ok(); }

    List<TargetEvent.Ibi> ibis() {
        return events.stream().filter(e -> e instanceof TargetEvent.Ibi).map(e -> (TargetEvent.Ibi) e).toList();
    }

    /** Ready, flags read, one I3C target at {@link #DA}. */
    void addressed() {
        bootToReady();
        clearAllFlags();
        assertEquals(1, cage.entdaa(DA).size());
        events.clear();
    }

    // ------------------------------------------------------------------ identity and assignment

    @Test
    void entdaaAssignsTheAddressAndReportsPidBcrDcr() {
        bootToReady();
        assertFalse(cage.readPin(Pin.INT_L), "the boot flags are pending on IntL");
        events.clear();
        List<I3cDevice> devices = cage.entdaa(DA);
        assertTrue(cage.readPin(Pin.INT_L), "with an address and ENINT, IBIs replace IntL");
        assertEquals(1, ibis().size(), "the pending interrupt arrives as an IBI");
        assertEquals(1, devices.size());
        I3cDevice d = devices.get(0);
        assertEquals(DA, d.dynamicAddress());
        assertEquals(0x06, d.bcr(), "target role, IBI capable, IBI payload");
        assertEquals(0x00, d.dcr(), "generic device");
        long pid = d.provisionedId();
        assertEquals(0x05A5, pid >>> 33 & 0x7FFF, "PID[47:33] manufacturer");
        assertEquals(0, pid >>> 32 & 1, "PID[32] vendor-fixed");
        assertEquals(0x0C10, pid >>> 16 & 0xFFFF, "PID[31:16] part");
        assertEquals(1, pid >>> 12 & 0xF, "PID[15:12] instance = seed 1");
        assertEquals(0x001, pid & 0xFFF, "PID[11:0] profile version");
        assertTrue(cage.entdaa(0x31).isEmpty(), "an addressed target sits out the next ENTDAA");

        CccResult p = get(Ccc.GETPID, DA, 6);
        assertTrue(p.acknowledged());
        long fromGet = 0;
        for (byte b : p.data()) fromGet = fromGet << 8 | u(b);
        assertEquals(pid, fromGet, "GETPID: the same 48 bits, most significant byte first");
        assertArrayEquals(bytes(0x06), get(Ccc.GETBCR, DA, 1).data());
        assertArrayEquals(bytes(0x00), get(Ccc.GETDCR, DA, 1).data());
        assertArrayEquals(bytes(0x01, 0x00), get(Ccc.GETMWL, DA, 2).data(), "MWL 256");
        assertArrayEquals(bytes(0x01, 0x00, 0x08), get(Ccc.GETMRL, DA, 3).data(), "MRL 256, IBI payload 8");
        assertArrayEquals(bytes(0, 1), get(Ccc.GETSTATUS, DA, 2).data(), "the boot flags are pending");
        clearAllFlags();
        assertArrayEquals(bytes(0, 0), get(Ccc.GETSTATUS, DA, 2).data(), "nothing pending");
    }

    @Test
    void setdasaSetnewdaRstdaaAndSetaasa() {
        bootToReady();
        assertFalse(answersAt(0x31), "no I3C address before assignment");
        assertTrue(direct(Ccc.SETDASA, I3cTarget.STATIC_ADDRESS, 0x31 << 1).acknowledged(), "SETDASA at static 0x50");
        assertTrue(answersAt(0x31));
        assertFalse(direct(Ccc.SETDASA, I3cTarget.STATIC_ADDRESS, 0x32 << 1).acknowledged(), "only once");

        assertTrue(direct(Ccc.SETNEWDA, 0x31, 0x42 << 1).acknowledged());
        assertFalse(answersAt(0x31), "the old address is gone");
        assertTrue(answersAt(0x42));

        assertTrue(broadcast(Ccc.RSTDAA_BC).acknowledged());
        assertFalse(answersAt(0x42));
        assertFalse(get(Ccc.GETBCR, 0x42, 1).acknowledged());

        assertFalse(direct(Ccc.SETDASA, 0x51, 0x33 << 1).acknowledged(), "SETDASA names the static address 0x50");
        assertTrue(broadcast(Ccc.SETAASA).acknowledged());
        assertTrue(answersAt(I3cTarget.STATIC_ADDRESS), "SETAASA: the static address becomes the dynamic one");
        assertEquals(0x19, i3cReadByte(I3cTarget.STATIC_ADDRESS, 0));
    }

    @Test
    void setMwlAndSetMrlLimitPrivateTransfers() {
        addressed();
        assertTrue(direct(Ccc.SETMWL, DA, 0x00, 0x04).acknowledged());
        assertArrayEquals(bytes(0x00, 0x04), get(Ccc.GETMWL, DA, 2).data());
        assertTrue(broadcast(Ccc.SETMRL_BC, 0x00, 0x10, 0x03).acknowledged());
        assertArrayEquals(bytes(0x00, 0x10, 0x03), get(Ccc.GETMRL, DA, 3).data());

        List<I2cResult> r = i3cRead(DA, 0, 128);
        assertTrue(r.get(1).ok());
        assertEquals(16, r.get(1).data().length, "a read longer than MRL ends at MRL");
        assertEquals(0x19, u(r.get(1).data()[0]));
        I2cResult w = i3cWrite(DA, 31, 1, 2, 3, 4, 5);
        assertEquals(I2cResult.Status.DATA_NACK, w.status(), "a write longer than MWL is refused");
        assertEquals(128, host.read(0, 128).length, "I2C is not limited by the I3C lengths");
    }

    // ------------------------------------------------------------------ private transfers

    @Test
    void privateTransfersReachTheSameMemoryMapAtTheDynamicAddressOnly() {
        bootToReady();
        assertEquals(I2cResult.Status.ADDRESS_NACK, i3cRead(DA, 0, 1).get(0).status(), "NACK before DAA");
        cage.entdaa(DA);
        assertEquals(0x19, i3cReadByte(DA, 0), "identifier");
        assertEquals(I2cResult.Status.ADDRESS_NACK, i3cRead(DA + 1, 0, 1).get(0).status(), "NACK at another address");
        assertEquals(I2cResult.Status.SKIPPED, i3cRead(DA + 1, 0, 1).get(1).status());

        assertTrue(i3cWrite(DA, 126, 2, 0x10).ok(), "select 10h bank 2 over I3C");
        assertTrue(i3cWrite(DA, 213, 0x5A).ok());
        assertEquals(0x5A, i3cReadByte(DA, 213));
        host.select(0x10, 2);
        assertEquals(0x5A, host.readByte(213), "the I2C host sees the same register");
    }

    @Test
    void flagsReadOverI3cClearOnRead() {
        addressed();
        ActiveFault f = module.inject(new Fault.CdrLossOfLock(Set.of(1), true));
        advance(100);
        module.clearFault(f.id());
        i3cWrite(DA, 126, 0, 0x11);
        assertEquals(1, i3cReadByte(DA, 148) & 1, "CdrLolFlagRx lane 1");
        assertEquals(0, i3cReadByte(DA, 148) & 1, "cleared by the first read");
    }

    // ------------------------------------------------------------------ in-band interrupts

    @Test
    void anIbiReplacesIntLOnceTheTargetHasAnAddress() {
        addressed();
        module.inject(new Fault.CdrLossOfLock(Set.of(1), true));
        advance(100);
        List<TargetEvent.Ibi> ibis = ibis();
        assertEquals(1, ibis.size(), "one IBI when the interrupt asserts");
        TargetEvent.Ibi ibi = ibis.get(0);
        assertEquals(DA, ibi.address());
        byte[] p = ibi.payload();
        assertEquals(7, p.length, "MDB + 00h:3-7 + 00h:13");
        assertEquals(0x01, p[0], "mandatory data byte: module flags changed");
        assertEquals(0, p[1] & 1, "00h:3 InterruptDeasserted = 0");
        assertEquals(1, p[2], "00h:4 FlagsSummaryBank0");
        assertTrue(cage.readPin(Pin.INT_L), "the IntL pin stays high");
        assertFalse(intLEdges().contains(true), "no IntL edge");
        assertEquals(1, u(get(Ccc.GETSTATUS, DA, 2).data()[1]) & 0xF, "GETSTATUS: an interrupt is pending");

        advance(500);
        assertEquals(1, ibis().size(), "no repeat while the interrupt stays asserted");
        clearAllFlags();
        advance(100);
        assertEquals(2, ibis().size(), "the re-latched flag raises a new IBI");
    }

    @Test
    void disecHandsTheInterruptBackToIntLAndEnecTakesItAgain() {
        addressed();
        assertTrue(direct(Ccc.DISEC, DA, Ccc.EVENT_INT).acknowledged());
        ActiveFault f = module.inject(new Fault.CdrLossOfLock(Set.of(1), true));
        advance(100);
        assertTrue(ibis().isEmpty(), "no IBI while disabled");
        assertFalse(cage.readPin(Pin.INT_L), "IntL pin low instead");
        assertEquals(List.of(true), intLEdges());

        events.clear();
        assertTrue(broadcast(Ccc.ENEC_BC, Ccc.EVENT_INT).acknowledged());
        assertTrue(cage.readPin(Pin.INT_L), "IBIs take over: the pin is released");
        assertEquals(List.of(false), intLEdges());
        assertEquals(1, ibis().size(), "the pending interrupt is delivered as an IBI");

        events.clear();
        assertTrue(direct(Ccc.DISEC, DA, Ccc.EVENT_INT).acknowledged());
        assertFalse(cage.readPin(Pin.INT_L), "disabled again while pending: the pin takes over");
        assertEquals(List.of(true), intLEdges());
        module.clearFault(f.id());
        clearAllFlags();
        assertTrue(cage.readPin(Pin.INT_L));
    }

    @Test
    void setMrlCutsTheIbiPayload() {
        addressed();
        assertTrue(direct(Ccc.SETMRL, DA, 0x01, 0x00, 0x01).acknowledged());
        module.inject(new Fault.CdrLossOfLock(Set.of(1), false));
        advance(100);
        assertArrayEquals(bytes(0x01), ibis().get(0).payload(), "only the mandatory byte");
    }

    // ------------------------------------------------------------------ resets and power

    @Test
    void rstactPeripheralResetResetsTheModuleAndKeepsTheAddress() {
        addressed();
        host.write(31, 0x01);   // a volatile control the reset restores
        assertTrue(direct(Ccc.RSTACT, DA, 0x01).acknowledged());
        List<TargetEvent> resets = events.stream().filter(e -> e instanceof TargetEvent.Reset).toList();
        assertEquals(1, resets.size());
        assertEquals("i3c-rstact", ((TargetEvent.Reset) resets.get(0)).cause());
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(0, 1).get(0).status(), "in MgmtInit");
        advance(2000);
        assertEquals(3, host.moduleState(), "back to Ready");
        assertEquals(0, host.readByte(31), "masks back to their defaults");
        assertTrue(answersAt(DA), "a peripheral reset keeps the dynamic address");

        assertFalse(direct(Ccc.RSTACT, DA, 0x07).acknowledged(), "unknown defining byte");
        assertEquals(3, host.moduleState(), "and no reset");
        assertTrue(direct(Ccc.RSTACT, DA, 0x02).acknowledged(), "whole-target reset");
        advance(2000);
        assertFalse(answersAt(DA), "forgets the dynamic address");
    }

    @Test
    void powerLossForgetsTheDynamicAddress() {
        addressed();
        assertTrue(direct(Ccc.DISEC, DA, Ccc.EVENT_INT).acknowledged());
        cage.writePin(Pin.POWER_ENABLE, false);
        assertFalse(answersAt(DA));
        cage.writePin(Pin.POWER_ENABLE, true);
        advance(2000);
        assertFalse(answersAt(DA), "after power-up the target has no dynamic address");
        assertTrue(host.readRaw(0, 1).get(1).ok(), "I2C at 0x50 works");
        List<I3cDevice> again = cage.entdaa(DA);
        assertEquals(1, again.size());
        clearAllFlags();
        events.clear();
        module.inject(new Fault.CdrLossOfLock(Set.of(1), true));
        advance(100);
        assertEquals(1, ibis().size(), "interrupts enabled again after power-up");
    }

    // ------------------------------------------------------------------ bad CCCs

    @Test
    void badCccsNackWithoutBreakingState() {
        addressed();
        assertFalse(direct(Ccc.SETMWL, DA, 0x00).acknowledged(), "SETMWL with one byte");
        assertEquals(0x20, u(get(Ccc.GETSTATUS, DA, 2).data()[1]) & 0x20, "GETSTATUS reports the protocol error");
        assertEquals(0, u(get(Ccc.GETSTATUS, DA, 2).data()[1]) & 0x20, "once");
        assertFalse(direct(Ccc.ENEC, DA).acknowledged(), "ENEC without its event byte");
        assertFalse(direct(Ccc.SETNEWDA, DA).acknowledged(), "SETNEWDA without an address");
        assertFalse(direct(Ccc.RSTACT, DA).acknowledged(), "RSTACT without a defining byte");
        assertFalse(direct(0x9F, DA).acknowledged(), "unknown direct CCC");
        assertFalse(broadcast(0x3F).acknowledged(), "unknown broadcast CCC");
        assertFalse(get(Ccc.GETPID, Ccc.BROADCAST, 6).acknowledged(), "a direct CCC needs a target address");
        assertFalse(cage.ccc(new CccRequest(Ccc.ENEC_BC, DA, bytes(1), 0)).acknowledged(),
            "a broadcast CCC sent to one target");
        assertFalse(get(Ccc.GETBCR, DA + 1, 1).acknowledged(), "another target's address");
        for (int reserved : new int[] {0x7E, 0x3E, 0x5E, 0x6E, 0x76, 0x7A, 0x7C, 0x02, 0x05, 0x7F}) {
            assertFalse(direct(Ccc.SETNEWDA, DA, reserved << 1).acknowledged(),
                String.format("SETNEWDA to reserved 0x%02X", reserved));
        }
        assertArrayEquals(bytes(0x01, 0x00), get(Ccc.GETMWL, DA, 2).data(), "MWL unchanged");
        assertEquals(0x19, i3cReadByte(DA, 0), "still at its address");

        assertTrue(broadcast(Ccc.RSTDAA_BC).acknowledged());
        assertTrue(cage.entdaa(0x02).isEmpty(), "ENTDAA with the hot-join address");
        assertTrue(cage.entdaa(Ccc.BROADCAST).isEmpty(), "ENTDAA with the broadcast address");
        assertEquals(1, cage.entdaa(DA).size(), "a good address still works");
        assertEquals(0x19, i3cReadByte(DA, 0));
    }
}
