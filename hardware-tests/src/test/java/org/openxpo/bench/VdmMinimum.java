package org.openxpo.bench;

import org.openxpo.emulator.link.BusTiming;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.VdmLayout;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.List;

/**
 * The least bus traffic of one 64-lane VDM read with its freeze, computed from the declared map and the XPO layout
 * ({@code VdmLayout.XPO}), never from what the driver does.
 *
 * <p><b>What the read must do.</b> Freeze: 2Fh in bank 0 is already selected (a read in a series ends there, with its
 * release, and the benchmark measures a series), read 144–145
 * once (the request byte, to write its other bits back as found — CMIS 5.4 adds bits there — and FreezeDone beside
 * it), write 144 with FreezeRequest set, read 145 once to see FreezeDone. Read: the sample page of every group in every
 * bank, 128 bytes each (the XPO layout uses all 64 descriptors of both groups), each after its select — PageSelect
 * alone (3 bytes) when the bank stays, BankSelect + PageSelect (4 bytes) when it changes; bank by bank, the bank changes
 * 7 times. Release: select 2Fh bank 0 (4 bytes), write 144 with the request cleared, read 145 once to see UnfreezeDone.
 * A read of n bytes is 3 + n bytes on the wire, a register write of n bytes 2 + n, as {@code BusTiming} counts them.
 */
final class VdmMinimum {
    private VdmMinimum() {}

    static final int ADDRESS = ManagementInterface.I2C_ADDRESS;

    /** The transfers of the least read, and what they add up to. */
    record Plan(List<List<I2cMessage>> transfers, int sampleBytes) {
        int transferCount() { return transfers.size(); }

        long busBytes() {
            return transfers.stream().flatMap(List::stream).mapToLong(m -> 1 + (m.read() ? m.length() : m.data().length)).sum();
        }

        long clocks() { return transfers.stream().mapToLong(BusTiming::transferClocks).sum(); }

        long nanos(BusTiming timing) { return transfers.stream().mapToLong(timing::transferNanos).sum(); }
    }

    static Plan read() {
        List<List<I2cMessage>> t = new ArrayList<>();
        Field request = VdmPages.FREEZE_REQUEST, done = VdmPages.FREEZE_DONE;
        int control = request.page();
        t.add(read(request.offset(), done.offset() + 1 - request.offset()));
        t.add(write(request.offset()));
        t.add(read(done.offset(), 1));
        int sampleBytes = 0;
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            for (Group g : VdmLayout.XPO.groupList()) {
                Field samples = g.samples();
                t.add(select(bank, samples.page(), bank > 0 && g == VdmLayout.XPO.groupList().getFirst()));
                t.add(read(samples.offset(), samples.byteLength()));
                sampleBytes += samples.byteLength();
            }
        }
        t.add(select(0, control, true));
        t.add(write(request.offset()));
        t.add(read(done.offset(), 1));
        return new Plan(List.copyOf(t), sampleBytes);
    }

    private static List<I2cMessage> select(int bank, int page, boolean bankChanges) {
        return List.of(bankChanges
            ? I2cMessage.write(ADDRESS, (byte) ManagementInterface.BANK_SELECT, (byte) bank, (byte) page)
            : I2cMessage.write(ADDRESS, (byte) ManagementInterface.PAGE_SELECT, (byte) page));
    }

    private static List<I2cMessage> read(int at, int n) {
        return List.of(I2cMessage.write(ADDRESS, (byte) at), I2cMessage.read(ADDRESS, n));
    }

    private static List<I2cMessage> write(int at) { return List.of(I2cMessage.write(ADDRESS, (byte) at, (byte) 0)); }
}
