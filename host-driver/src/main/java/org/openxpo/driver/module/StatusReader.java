package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.vdm.AdvertisedVdm;
import org.openxpo.driver.vdm.VdmPageReads;
import org.openxpo.driver.vdm.VdmSample;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.openxpo.protocol.map.LaneStatusPage.*;
import static org.openxpo.protocol.map.XpoPages.*;

/**
 * Reads a {@link ModuleSnapshot} with one field list per page and bank, so the access layer joins each into as few
 * transfers as it can: with flags, the lower page 3–17, page 11h 128–213 of each bank and page B0h 128–165 are one
 * read each (19 transfers with the page selects for 64 lanes); without flags the flag bytes are skipped, which splits
 * each of those in two around them.
 */
final class StatusReader {
    private StatusReader() {}

    private static final List<Field> LOWER_STATUS = LatchedFields.with(
        List.of(LowerPage.MODULE_STATE, LowerPage.INTERRUPT_DEASSERTED, LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7,
            LowerPage.TEMP_MON_VALUE, LowerPage.VCC_MON_VOLTAGE), FlagReader.FLAGS_SUMMARY);
    private static final List<Field> LANE_STATUS_FIELDS = List.of(DP_STATE, OUTPUT_STATUS_RX, OUTPUT_STATUS_TX,
        OPTICAL_POWER_TX, LASER_BIAS_TX, OPTICAL_POWER_RX, ACS_DP_CONFIG_LANE);
    private static final List<Field> XPO_STATUS = xpoStatus();

    private static List<Field> xpoStatus() {
        List<Field> out = new ArrayList<>();
        for (Monitor m : Monitor.values()) out.add(m.value());
        out.addAll(List.of(LEAK_DETECTED, LEAK_SENSOR_FAULT, POWER_GOOD, MATING_CYCLES, MATING_CYCLES_RATED, MAX_POWER_XPO));
        return List.copyOf(out);
    }

    static ModuleSnapshot read(RegisterAccess access, Identity id, boolean consumeFlags, HostClock clock) {
        return read(access, id, consumeFlags, clock, null);
    }

    /**
     * As above, with the basic VDM samples of {@code vdm} (null: none) read in the same batch, each bank's sample pages
     * right after its page 11h (one PageSelect each, no extra bank change).
     */
    static ModuleSnapshot read(RegisterAccess access, Identity id, boolean consumeFlags, HostClock clock, AdvertisedVdm vdm) {
        Instant time = clock.instant();
        // every page of the snapshot in one batch of transfers (one round trip over the link)
        List<RegisterAccess.FieldRead> groups = new ArrayList<>();
        groups.add(new RegisterAccess.FieldRead(Pages.LOWER_MEMORY, 0, withFlags(LOWER_STATUS, LatchedFields.lower(), consumeFlags)));
        int banks = id.flatMemory() ? 0 : id.banks();  // flat memory has no lane pages
        List<Field> laneFields = withFlags(LANE_STATUS_FIELDS, LatchedFields.of(Pages.LANE_STATUS), consumeFlags);
        List<Integer> laneGroup = new ArrayList<>();
        List<RegisterAccess.FieldRead> vdmReads = new ArrayList<>();
        List<Integer> vdmGroup = new ArrayList<>();
        for (int bank = 0; bank < banks; bank++) {
            laneGroup.add(groups.size());
            groups.add(new RegisterAccess.FieldRead(Pages.LANE_STATUS, bank, laneFields));
            if (vdm != null && bank < vdm.banks()) {
                List<RegisterAccess.FieldRead> samples = VdmPageReads.basicSamples(vdm, bank);
                for (RegisterAccess.FieldRead r : samples) {
                    vdmGroup.add(groups.size());
                    vdmReads.add(r);
                    groups.add(r);
                }
            }
        }
        if (id.xpo()) groups.add(new RegisterAccess.FieldRead(Pages.XPO_TELEMETRY, 0,
            withFlags(XPO_STATUS, LatchedFields.of(Pages.XPO_TELEMETRY), consumeFlags)));
        List<byte[]> windows = access.readFields(groups);

        List<Alarm> alarms = new ArrayList<>();
        byte[] lo = windows.get(0);
        if (consumeFlags) alarms.addAll(AlarmCatalog.decodeLower(lo));
        ModuleState state = ModuleState.fromCode((int) LowerPage.MODULE_STATE.get(lo, 0));
        int fault = state == ModuleState.FAULT ? (int) access.get(LowerPage.MODULE_FAULT_CAUSE) : 0;

        List<LaneStatus> lanes = new ArrayList<>(id.lanes());
        for (int bank = 0; bank < banks; bank++) {
            byte[] w = windows.get(laneGroup.get(bank));
            List<Alarm> bankAlarms = consumeFlags ? AlarmCatalog.decodeBank(w, bank) : List.of();
            alarms.addAll(bankAlarms);
            lanes.addAll(lanes(w, bank, id.biasMultiplierCode(), bankAlarms));
        }

        PowerStatus power = null;
        CoolingStatus cooling = null;
        if (id.xpo()) {
            byte[] b0 = windows.getLast();
            if (consumeFlags) alarms.addAll(AlarmCatalog.decodeXpo(b0));
            power = new PowerStatus(value(b0, Monitor.INPUT_VOLTAGE), value(b0, Monitor.INPUT_CURRENT),
                value(b0, Monitor.INPUT_POWER), MAX_POWER_XPO.value(b0, 0), POWER_GOOD.get(b0, 0) == 1);
            cooling = new CoolingStatus(value(b0, Monitor.COOLANT_INLET_TEMP), value(b0, Monitor.COOLANT_OUTLET_TEMP),
                value(b0, Monitor.COOLANT_FLOW), value(b0, Monitor.COLD_PLATE_TEMP),
                value(b0, Monitor.CARD_A_HOT_ZONE_TEMP), value(b0, Monitor.CARD_A_COLD_ZONE_TEMP),
                value(b0, Monitor.CARD_B_HOT_ZONE_TEMP), value(b0, Monitor.CARD_B_COLD_ZONE_TEMP),
                LEAK_DETECTED.get(b0, 0) == 1, LEAK_SENSOR_FAULT.get(b0, 0) == 1, (int) MATING_CYCLES.get(b0, 0),
                (int) MATING_CYCLES_RATED.get(b0, 0));
        }
        List<VdmSample> vdmSamples = new ArrayList<>(vdm == null ? 0 : vdm.observables().size());
        if (vdm != null) {
            List<byte[]> vdmWindows = new ArrayList<>();
            for (int group : vdmGroup) vdmWindows.add(windows.get(group));
            for (int bank = 0; bank < Math.min(banks, vdm.banks()); bank++) {
                vdmSamples.addAll(VdmPageReads.decodeSamples(vdm, bank, vdmReads, vdmWindows, false));
            }
        }
        return new ModuleSnapshot(time, state, fault, LowerPage.INTERRUPT_DEASSERTED.get(lo, 0) == 0,
            LowerPage.TEMP_MON_VALUE.value(lo, 0), LowerPage.VCC_MON_VOLTAGE.value(lo, 0), power, cooling,
            List.copyOf(lanes), consumeFlags, List.copyOf(alarms), List.copyOf(vdmSamples));
    }

    private static List<Field> withFlags(List<Field> fields, List<Field> latched, boolean flags) {
        return flags ? LatchedFields.with(fields, latched) : fields;
    }

    private static double value(byte[] b0, Monitor m) { return m.value().value(b0, 0); }

    private static List<LaneStatus> lanes(byte[] w, int bank, int multiplier, List<Alarm> alarms) {
        Map<Integer, List<String>> flags = new HashMap<>();
        for (Alarm a : alarms) flags.computeIfAbsent(a.lane(), k -> new ArrayList<>()).add(a.name());
        List<LaneStatus> out = new ArrayList<>(Lanes.PER_BANK);
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            int lane = Lanes.lane(bank, i);
            DpConfig acs = DpConfig.decode((int) ACS_DP_CONFIG_LANE.get(w, i));
            out.add(new LaneStatus(lane, DataPathState.fromCode((int) DP_STATE.get(w, i)), acs.appSel(),
                acs.appSel() == 0 ? lane : Lanes.lane(bank, acs.dataPathId()), OUTPUT_STATUS_TX.get(w, i) == 1,
                OUTPUT_STATUS_RX.get(w, i) == 1, OPTICAL_POWER_TX.value(w, i),
                OPTICAL_POWER_RX.value(w, i), Codecs.biasMilliamps((int) LASER_BIAS_TX.get(w, i), multiplier),
                List.copyOf(flags.getOrDefault(lane, List.of()))));
        }
        return out;
    }
}
