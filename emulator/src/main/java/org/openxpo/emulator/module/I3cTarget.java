package org.openxpo.emulator.module;

import org.openxpo.protocol.connector.Ccc;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;

import java.util.List;

/**
 * The module as an I3C target (docs/xpo-profile.md, "I3C"): provisioned ID, BCR, DCR, dynamic address assignment,
 * the common CCCs, private transfers to the same memory map, and in-band interrupts that replace IntL once the target
 * has a dynamic address and interrupts are enabled (ENEC). Runs under the module's lock ({@link FirmwareContext}).
 */
public final class I3cTarget {
    /** Static address (the I2C address) used by SETDASA and SETAASA. */
    public static final int STATIC_ADDRESS = ManagementInterface.I2C_ADDRESS;
    /** BCR: target role, IBI request capable (bit1), IBI payload follows the mandatory byte (bit2). */
    public static final int BCR = 0x06;
    /** DCR 0x00: generic device (no MIPI device class fits an optical module). */
    public static final int DCR = 0x00;
    /** PID fields: provisional manufacturer ID, vendor-fixed type, part "XPO" 0x0C10, extra = profile version 1. */
    public static final int PID_MANUFACTURER = 0x05A5, PID_PART = 0x0C10, PID_EXTRA = 0x001;
    /** IBI mandatory data byte: group 000 (user defined), interrupt 1 = "module flags changed". */
    public static final int MDB_FLAGS = 0x01;
    public static final int DEFAULT_MWL = 256, DEFAULT_MRL = 256, DEFAULT_IBI_PAYLOAD = 8;

    private final FirmwareContext firmware;
    private final FirmwareContext.ModuleStatus module;
    private final FirmwareContext.ModuleReset reset;
    private final HostBus bus;
    private final long pid;
    private int dynamicAddress;
    private boolean interruptsEnabled = true;
    private int mwl = DEFAULT_MWL, mrl = DEFAULT_MRL, ibiPayload = DEFAULT_IBI_PAYLOAD;
    private boolean protocolError;

    I3cTarget(FirmwareContext firmware, FirmwareContext.ModuleStatus module, FirmwareContext.ModuleReset reset,
              HostBus bus) {
        this.firmware = firmware;
        this.module = module;
        this.reset = reset;
        this.bus = bus;
        long instance = firmware.config().seed() & 0xF;
        this.pid = ((long) PID_MANUFACTURER << 33) | ((long) PID_PART << 16) | (instance << 12) | PID_EXTRA;
    }

    public long provisionedId() { return pid; }

    /** The dynamic address, or 0 when none is assigned. */
    int dynamicAddress() { return dynamicAddress; }

    /** True when IBIs replace IntL: a dynamic address is assigned and ENINT is set. */
    boolean ibiEnabled() { return dynamicAddress != 0 && interruptsEnabled; }

    /** Power loss forgets the dynamic address and the event enables (back to I2C behaviour). */
    void powerLost() {
        dynamicAddress = 0;
        interruptsEnabled = true;
        mwl = DEFAULT_MWL;
        mrl = DEFAULT_MRL;
        ibiPayload = DEFAULT_IBI_PAYLOAD;
    }

    /** Raises an IBI when the interrupt asserts and IBIs are enabled. */
    void interruptAsserted() {
        if (!ibiEnabled()) return;
        byte[] lo = firmware.memory().lower();
        byte[] payload = {(byte) MDB_FLAGS, lo[LowerPage.INTERRUPT_DEASSERTED.offset()],
            lo[LowerPage.FLAGS_SUMMARY_BANK0.offset()], lo[LowerPage.FLAGS_SUMMARY_BANK1.offset()],
            lo[LowerPage.FLAGS_SUMMARY_BANK2.offset()], lo[LowerPage.FLAGS_SUMMARY_BANK3.offset()],
            lo[LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7.offset()]};
        int n = Math.min(payload.length, Math.max(1, ibiPayload));
        firmware.events().ibi(dynamicAddress, java.util.Arrays.copyOf(payload, n));
    }

    /** One message of a private transfer: the same memory semantics as I2C, at the dynamic address; reads stop at MRL. */
    I2cResult execute(I2cMessage msg) {
        if (dynamicAddress == 0 || !module.powered()) return I2cResult.of(I2cResult.Status.ADDRESS_NACK);
        if (msg.read() && msg.length() > mrl) return bus.execute(I2cMessage.read(msg.address(), mrl), dynamicAddress);
        if (!msg.read() && msg.length() > mwl + 1) return I2cResult.dataNack(mwl + 1);
        return bus.execute(msg, dynamicAddress);
    }

    /** ENTDAA: a target without a dynamic address takes {@code address}. */
    List<I3cDevice> entdaa(int address) {
        if (!module.responsive() || dynamicAddress != 0 || !validDynamic(address)) return List.of();
        boolean before = ibiEnabled();
        dynamicAddress = address;
        ibiEnableChanged(before);
        return List.of(new I3cDevice(pid, BCR, DCR, address));
    }

    CccResult ccc(CccRequest r) {
        if (!module.responsive()) return CccResult.nack();
        boolean broadcast = r.address() == Ccc.BROADCAST;
        // A broadcast code goes to 0x7E, a direct one to a target address (0x7E only starts its frame).
        if (broadcast == Ccc.isDirect(r.code())) return CccResult.nack();
        if (!broadcast && r.code() != Ccc.SETDASA && (dynamicAddress == 0 || r.address() != dynamicAddress)) {
            return CccResult.nack();
        }
        boolean before = ibiEnabled();
        CccResult result = execute(r);
        ibiEnableChanged(before);
        return result;
    }

    private CccResult execute(CccRequest r) {
        return switch (r.code()) {
            case Ccc.ENEC_BC, Ccc.ENEC -> events(r, true);
            case Ccc.DISEC_BC, Ccc.DISEC -> events(r, false);
            case Ccc.RSTDAA_BC, Ccc.RSTDAA -> { dynamicAddress = 0; yield CccResult.ack(); }
            case Ccc.SETAASA -> {
                if (dynamicAddress == 0) dynamicAddress = STATIC_ADDRESS;
                yield CccResult.ack();
            }
            case Ccc.SETDASA -> setDasa(r);
            case Ccc.SETNEWDA -> newAddress(r);
            case Ccc.SETMWL_BC, Ccc.SETMWL -> {
                if (r.data().length < 2) yield protocolError();
                mwl = u16(r.data(), 0);
                yield CccResult.ack();
            }
            case Ccc.SETMRL_BC, Ccc.SETMRL -> {
                if (r.data().length < 2) yield protocolError();
                mrl = u16(r.data(), 0);
                if (r.data().length >= 3) ibiPayload = r.data()[2] & 0xFF;
                yield CccResult.ack();
            }
            case Ccc.GETMWL -> CccResult.ack(new byte[] {(byte) (mwl >> 8), (byte) mwl});
            case Ccc.GETMRL -> CccResult.ack(new byte[] {(byte) (mrl >> 8), (byte) mrl, (byte) ibiPayload});
            case Ccc.GETPID -> CccResult.ack(pidBytes());
            case Ccc.GETBCR -> CccResult.ack(new byte[] {(byte) BCR});
            case Ccc.GETDCR -> CccResult.ack(new byte[] {(byte) DCR});
            case Ccc.GETSTATUS -> status();
            case Ccc.RSTACT_BC, Ccc.RSTACT -> resetAction(r);
            default -> CccResult.nack();
        };
    }

    /**
     * IBIs were switched on or off (ENEC/DISEC, an address assigned or reset) while an interrupt is pending: the IntL
     * pin takes over (asserts) or hands over (releases, and the pending interrupt is delivered as an IBI).
     */
    private void ibiEnableChanged(boolean before) {
        boolean now = ibiEnabled();
        if (now == before || !module.powered() || firmware.memory().get(LowerPage.INTERRUPT_DEASSERTED) != 0) return;
        if (now) {
            firmware.events().interrupt(false);
            interruptAsserted();
        } else {
            firmware.events().interrupt(true);
        }
    }

    private CccResult events(CccRequest r, boolean enable) {
        if (r.data().length < 1) return protocolError();
        if ((r.data()[0] & Ccc.EVENT_INT) != 0) interruptsEnabled = enable;
        return CccResult.ack();
    }

    private CccResult setDasa(CccRequest r) {
        if (r.address() != STATIC_ADDRESS || dynamicAddress != 0 || r.data().length < 1) return CccResult.nack();
        int address = (r.data()[0] & 0xFF) >>> 1;
        if (!validDynamic(address)) return CccResult.nack();
        dynamicAddress = address;
        return CccResult.ack();
    }

    private CccResult newAddress(CccRequest r) {
        if (r.data().length < 1) return protocolError();
        int address = (r.data()[0] & 0xFF) >>> 1;
        if (!validDynamic(address)) return CccResult.nack();
        dynamicAddress = address;
        return CccResult.ack();
    }

    /** GETSTATUS: bit5 protocol error (cleared by reading), bits 3-0 pending interrupts. */
    private CccResult status() {
        int pending = firmware.memory().get(LowerPage.INTERRUPT_DEASSERTED) == 0 ? 1 : 0;
        int lsb = (protocolError ? 0x20 : 0) | pending;
        protocolError = false;
        return CccResult.ack(new byte[] {0, (byte) lsb});
    }

    /** RSTACT defining byte: 0x01 resets the peripheral (module software reset), 0x02 the whole target. */
    private CccResult resetAction(CccRequest r) {
        if (r.data().length < 1) return protocolError();
        switch (r.data()[0] & 0xFF) {
            case 0x00 -> { }
            case 0x01 -> reset.reset("i3c-rstact");
            case 0x02 -> {
                powerLost();
                reset.reset("i3c-rstact-target");
            }
            default -> { return CccResult.nack(); }
        }
        return CccResult.ack();
    }

    private CccResult protocolError() {
        protocolError = true;
        return CccResult.nack();
    }

    private byte[] pidBytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) b[i] = (byte) (pid >>> (8 * (5 - i)));
        return b;
    }

    private static int u16(byte[] b, int at) { return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF); }

    /** Dynamic addresses: 0x08–0x3D and 0x3F–0x7D, excluding the broadcast address's single-bit-error neighbours. */
    static boolean validDynamic(int a) {
        if (a < 0x08 || a > 0x7D || a == Ccc.BROADCAST) return false;
        for (int bit = 0; bit < 7; bit++) if ((a ^ (1 << bit)) == Ccc.BROADCAST) return false;
        return true;
    }
}
