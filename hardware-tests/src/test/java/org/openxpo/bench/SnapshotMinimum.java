package org.openxpo.bench;

import org.openxpo.emulator.link.BusTiming;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.ByteRules;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.VdmLayout;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The least bus traffic a full 64-lane snapshot can take, computed from the declared memory map — never from what the
 * driver does.
 *
 * <p><b>What a snapshot must read</b> (what {@code XpoModuleClient.snapshot()} reports): on the lower page the module
 * state, the interrupt and flag-summary bytes, the temperature and Vcc monitors and every latched (clear-on-read)
 * flag; on page 11h of each of the 8 banks the data-path states, output status, Tx power, Tx bias, Rx power, the
 * active data-path configuration and every latched lane flag, and right after it the bank's basic VDM samples (page
 * 24h, group 1 of {@code VdmLayout.XPO}: a snapshot reads them without a freeze); on page B0h every power and cooling
 * monitor, the leak,
 * power-good and mating-cycle fields, the advertised max power and every latched XPO flag.
 *
 * <p><b>Formula.</b> Per page and bank, the wanted bytes form ranges. A random read of {@code n} bytes is one
 * transfer: a write of the register address, a repeated START, a read — {@code 3 + n} bytes on the wire (two address
 * bytes and the register byte) and {@code 30 + 9n} clocks. Two ranges {@code g} bytes apart are joined into one read
 * when reading the gap is cheaper than a new transfer ({@code 9g < 30} clocks, i.e. {@code g ≤ 3}) and the gap holds
 * no latched flag the snapshot does not want. Each upper page/bank read needs one select first: a write of PageSelect
 * (127) alone, 3 bytes and 29 clocks, or — when the bank changes — of BankSelect and PageSelect together (CMIS 5.3
 * §8.2.15: the bank takes effect only when 127 is written), 4 bytes and 38 clocks. Reading 8 banks changes the bank at
 * least 7 times (the register may already hold the first bank); B0h is not banked, so its select never needs 126. The
 * lower page needs no select.
 */
final class SnapshotMinimum {
    private SnapshotMinimum() {}

    private static final MemoryMap MAP = MemoryMap.xpo();
    static final int ADDRESS = ManagementInterface.I2C_ADDRESS, LOWER = Pages.LOWER_MEMORY;
    static final int LANE_STATUS = Pages.LANE_STATUS, XPO_TELEMETRY = Pages.XPO_TELEMETRY;
    static final int BANK_SELECT = ManagementInterface.BANK_SELECT, PAGE_SELECT = ManagementInterface.PAGE_SELECT;
    /** Clocks of the overhead of one random read: START + address + register byte, Sr + address, STOP. */
    static final int READ_OVERHEAD_CLOCKS = 30;

    /** One page/bank and the fields wanted from it. */
    record Group(int page, int bank, List<Field> fields) {}

    /** The least traffic: the transfers themselves and what they add up to. */
    record Plan(List<List<I2cMessage>> transfers, int wantedBytes, int gapBytes, int readTransfers, int readOverheadBytes,
                int selectTransfers, int selectBytes, List<String> rangesByGroup) {
        int transferCount() { return transfers.size(); }

        long busBytes() { return (long) wantedBytes + gapBytes + readOverheadBytes + selectBytes; }

        long clocks() { return transfers.stream().mapToLong(BusTiming::transferClocks).sum(); }

        long nanos(BusTiming timing) { return transfers.stream().mapToLong(timing::transferNanos).sum(); }
    }

    /** The snapshot's groups: lower page, page 11h banks 0–7, page B0h. */
    static List<Group> snapshotGroups() {
        List<Group> g = new ArrayList<>();
        g.add(new Group(LOWER, 0, withLatched(LOWER, List.of(LowerPage.MODULE_STATE, LowerPage.INTERRUPT_DEASSERTED,
            LowerPage.FLAGS_SUMMARY_BANK0, LowerPage.FLAGS_SUMMARY_BANK1, LowerPage.FLAGS_SUMMARY_BANK2,
            LowerPage.FLAGS_SUMMARY_BANK3, LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7, LowerPage.TEMP_MON_VALUE,
            LowerPage.VCC_MON_VOLTAGE))));
        List<Field> lane = withLatched(LANE_STATUS, List.of(LaneStatusPage.DP_STATE, LaneStatusPage.OUTPUT_STATUS_RX,
            LaneStatusPage.OUTPUT_STATUS_TX, LaneStatusPage.OPTICAL_POWER_TX, LaneStatusPage.LASER_BIAS_TX,
            LaneStatusPage.OPTICAL_POWER_RX, LaneStatusPage.ACS_DP_CONFIG_LANE));
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            g.add(new Group(LANE_STATUS, bank, lane));
            // the basic VDM samples of the bank (group 1 of the XPO layout), right after its 11h: a PageSelect alone
            for (VdmPages.Group vdm : VdmLayout.XPO.groupList()) {
                boolean basic = VdmLayout.XPO.descriptors(vdm).stream().anyMatch(d -> d.type().map(t -> !t.isStatistic()).orElse(false));
                if (basic) g.add(new Group(vdm.samples().page(), bank, List.of(vdm.samples())));
            }
        }
        List<Field> xpo = new ArrayList<>();
        for (Monitor m : Monitor.values()) xpo.add(m.value());
        xpo.addAll(List.of(XpoPages.LEAK_DETECTED, XpoPages.LEAK_SENSOR_FAULT, XpoPages.POWER_GOOD, XpoPages.MATING_CYCLES,
            XpoPages.MATING_CYCLES_RATED, XpoPages.MAX_POWER_XPO));
        g.add(new Group(XPO_TELEMETRY, 0, withLatched(XPO_TELEMETRY, xpo)));
        return g;
    }

    /** The least bytes and clocks (gaps of ≤ 3 bytes read through). */
    static Plan snapshot() { return plan(snapshotGroups(), READ_OVERHEAD_CLOCKS); }

    /** The fewest transfers: every range of a page read as one, unless latched flags nobody wants lie between. */
    static Plan fewestTransfers() { return plan(snapshotGroups(), Integer.MAX_VALUE); }

    /** {@code joinBelowClocks}: join two ranges when reading the gap costs fewer clocks than this. */
    static Plan plan(List<Group> groups, long joinBelowClocks) {
        List<List<I2cMessage>> transfers = new ArrayList<>();
        List<String> described = new ArrayList<>();
        int wanted = 0, gaps = 0, reads = 0, selects = 0, selectBytes = 0;
        int bankRegister = groups.stream().filter(g -> g.page() != LOWER && banked(g.page())).mapToInt(Group::bank)
            .findFirst().orElse(0);
        for (Group g : groups) {
            BitSet want = new BitSet(256);
            for (Field f : g.fields()) want.set(f.offset(), f.offset() + f.byteLength());
            wanted += want.cardinality();
            List<int[]> ranges = join(g.page(), want, joinBelowClocks);
            if (g.page() != LOWER || want.nextSetBit(128) >= 0) {
                boolean bankChange = banked(g.page()) && g.bank() != bankRegister;
                transfers.add(List.of(bankChange
                    ? I2cMessage.write(ADDRESS, (byte) BANK_SELECT, (byte) g.bank(), (byte) g.page())
                    : I2cMessage.write(ADDRESS, (byte) PAGE_SELECT, (byte) g.page())));
                selects++;
                selectBytes += bankChange ? 4 : 3;
                if (bankChange) bankRegister = g.bank();
            }
            StringBuilder d = new StringBuilder();
            for (int[] r : ranges) {
                transfers.add(List.of(I2cMessage.write(ADDRESS, (byte) r[0]), I2cMessage.read(ADDRESS, r[1] - r[0])));
                reads++;
                gaps += (r[1] - r[0]) - want.get(r[0], r[1]).cardinality();
                d.append(d.isEmpty() ? "" : ", ").append(r[0]).append('–').append(r[1] - 1);
            }
            described.add((g.page() == LOWER ? "lower" : Stats.fmt("%02Xh", g.page())
                + (banked(g.page()) ? " bank " + g.bank() : "")) + ": " + d);
        }
        return new Plan(List.copyOf(transfers), wanted, gaps, reads, 3 * reads, selects, selectBytes, described);
    }

    /** Joins the wanted runs of a page into read ranges [from, to) by the rule in the class comment. */
    private static List<int[]> join(int page, BitSet want, long joinBelowClocks) {
        List<int[]> out = new ArrayList<>();
        for (int a = want.nextSetBit(0); a >= 0; ) {
            int end = want.nextClearBit(a);
            int[] last = out.isEmpty() ? null : out.getLast();
            int gap = last == null ? Integer.MAX_VALUE : a - last[1];
            if (last != null && 9L * gap < joinBelowClocks && (last[0] < 128) == (a < 128)
                    && !unwantedFlags(page, want, last[1], a)) {
                last[1] = end;
            } else {
                out.add(new int[] {a, end});
            }
            a = want.nextSetBit(end);
        }
        // a read never crosses the lower/upper boundary
        List<int[]> split = new ArrayList<>();
        for (int[] r : out) {
            if (r[0] < 128 && r[1] > 128) {
                split.add(new int[] {r[0], 128});
                split.add(new int[] {128, r[1]});
            } else {
                split.add(r);
            }
        }
        return split;
    }

    private static boolean unwantedFlags(int page, BitSet want, int from, int to) {
        for (int a = from; a < to; a++) {
            ByteRules rules = a < 128 ? MAP.lowerRules() : MAP.page(page).map(PageDef::rules).orElse(null);
            if (rules == null || (rules.clearOnReadMask(a) != 0 && !want.get(a))) return true;
        }
        return false;
    }

    private static boolean banked(int page) { return MAP.page(page).map(PageDef::banked).orElse(false); }

    /** {@code fields} plus every latched (clear-on-read) field of the page ({@code LOWER}: of the lower page). */
    private static List<Field> withLatched(int page, List<Field> fields) {
        List<Field> src = page == LOWER ? MAP.lowerFields() : MAP.page(page).map(PageDef::fields).orElseThrow();
        List<Field> out = new ArrayList<>(fields);
        src.stream().filter(f -> f.access() == Access.COR && (page != LOWER || f.offset() < 128)).forEach(out::add);
        return out;
    }
}
