package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code xpoctl vdm}: a row per lane of what the module advertises, its statistics on request, and JSON. */
class VdmCliTest {
    private static final String TARGET = "tcp://127.0.0.1:9450/1";

    /**
     * Two banks; group 1: eSNR media and BER current media on lanes 1-2 and 9; group 2: BER max media on lane 1. eSNR's
     * low warning is 19 dB in bank 0 (lane 1's 18.5 dB is below it) and 20 dB in bank 1; BER max is above its high
     * warning.
     */
    private static PlainCmisModule module() {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 1).set(AdminPages.VDM_PAGES_SUPPORTED, 0, 0, 1);
        m.set(VdmPages.GROUPS_SUPPORTED, 0, 0, 1);
        for (int bank = 0; bank < 2; bank++) {
            int lanes = bank == 0 ? 2 : 1;
            for (int k = 0; k < lanes; k++) {
                m.set(Group.ONE.descriptors(), bank, k, VdmDescriptor.ofLane(VdmType.ESNR_MEDIA, k, 0).encode());
                m.set(Group.ONE.samples(), bank, k, 0x1280 + (bank * 8 + k) * 0x100);
                m.set(Group.ONE.descriptors(), bank, 8 + k, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_CURRENT_MEDIA, k, 1).encode());
                m.set(Group.ONE.samples(), bank, 8 + k, 0x7BE8);
            }
        }
        m.set(Group.TWO.descriptors(), 0, 0, VdmDescriptor.ofLane(VdmType.PRE_FEC_BER_MAX_MEDIA, 0, 0).encode());
        for (int bank = 0; bank < 2; bank++) {
            thresholds(m, Group.ONE, bank, 0, VdmType.ESNR_MEDIA, 35, 17.5, 32, 19 + bank);
            thresholds(m, Group.ONE, bank, 1, VdmType.PRE_FEC_BER_CURRENT_MEDIA, 2.4e-4, 0, 1e-5, 0);
        }
        thresholds(m, Group.TWO, 0, 0, VdmType.PRE_FEC_BER_MAX_MEDIA, 1e-3, 0, 1e-5, 0);
        m.set(Group.TWO.samples(), 0, 0, 0x90F0);
        m.onWrite(msg -> {   // FreezeDone/UnfreezeDone as the request says
            int at = msg.data()[0] & 0xFF, freeze = VdmPages.FREEZE_REQUEST.offset();
            if (m.selectedPage() != VdmPages.FREEZE_REQUEST.page() || at != freeze || msg.data().length < 2) return;
            boolean frozen = (msg.data()[1] & 0x80) != 0;
            m.set(VdmPages.FREEZE_DONE, 0, 0, frozen ? 1 : 0).set(VdmPages.UNFREEZE_DONE, 0, 0, frozen ? 0 : 1);
        });
        return m;
    }

    /** Threshold set {@code set} of {@code group} in {@code bank}: HighAlarm, LowAlarm, HighWarning, LowWarning. */
    private static void thresholds(PlainCmisModule m, Group group, int bank, int set, VdmType type, double highAlarm,
                                   double lowAlarm, double highWarning, double lowWarning) {
        long words = 0;
        for (double v : new double[] {highAlarm, lowAlarm, highWarning, lowWarning}) words = words << 16 | type.encode(v);
        m.set(group.thresholds(), bank, set, words);
    }

    @Test
    void theTableHasAColumnPerAdvertisedObservableAndARowPerLane() {
        PlainCmisModule m = module();
        CliRun r = CliRun.run(t -> m, "--target", TARGET, "vdm");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("Lane", "eSNR-M", "BER-M"), List.of(lines.getFirst().trim().split("\\s+")));
        assertTrue(lines.get(1).startsWith("---- bank 0 "), r.out());
        assertEquals(List.of("1", "18.50", "1.00e-06"), List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("2", "19.50", "1.00e-06"), List.of(lines.get(3).trim().split("\\s+")));
        assertTrue(lines.get(4).startsWith("---- bank 1 "), r.out());
        assertEquals(List.of("9", "26.50", "1.00e-06"), List.of(lines.get(5).trim().split("\\s+")));
        assertEquals(List.of("Beyond thresholds:", "  eSNR-M   below the low warning (19.00 dB): lane 1"),
            lines.subList(6, lines.size()), r.out());
        XpoCtlTest.assertFits80Columns(r.out());

        CliRun stats = CliRun.run(t -> m, "--target", TARGET, "vdm", "--stats", "--lanes", "1");
        assertEquals(List.of("Lane", "BERmax-M"), List.of(stats.out().lines().toList().getFirst().trim().split("\\s+")),
            stats.toString());
        assertTrue(stats.out().contains("   1 2.40e-04"), stats.out());
        assertTrue(stats.out().contains("  BERmax-M above the high warning (1.00e-05): lane 1"), stats.out());
    }

    @Test
    void thresholdsAreARowPerObservableAndLanesThatShareThem() {
        PlainCmisModule m = module();
        CliRun r = CliRun.run(t -> m, "--target", TARGET, "vdm", "--thresholds");
        assertEquals(0, r.code(), r.toString());
        List<List<String>> rows = r.out().lines().map(l -> List.of(l.trim().split("\\s+"))).toList();
        assertEquals(List.of("Observable", "Lanes", "High", "alarm", "High", "warn", "Low", "warn", "Low", "alarm", "Unit"),
            rows.get(0));
        assertEquals(List.of(
            List.of("eSNR-M", "1-2", "35.00", "32.00", "19.00", "17.50", "dB"),
            List.of("eSNR-M", "9", "35.00", "32.00", "20.00", "17.50", "dB"),
            List.of("BER-M", "1-2,9", "2.40e-04", "1.00e-05", "0.00e+00", "0.00e+00")), rows.subList(1, rows.size()), r.out());
        XpoCtlTest.assertFits80Columns(r.out());

        CliRun stats = CliRun.run(t -> m, "--target", TARGET, "vdm", "--thresholds", "--stats", "--lanes", "9");
        assertEquals("No VDM statistics on lane 9.", stats.out().strip(), stats.toString());
    }

    @Test
    void jsonCarriesEveryObservableWithItsPlace() {
        PlainCmisModule m = module();
        JsonNode n = XpoCtlTest.json(CliRun.run(t -> m, "--target", TARGET, "vdm", "--json"));
        assertEquals("openxpo.vdm/1", n.get("schema").asString());
        assertEquals("frozen", n.get("statistics").asString());
        assertEquals(7, n.get("observables").size());
        JsonNode max = n.get("observables").valueStream().filter(o -> o.get("name").asString()
            .equals("prefec_ber_max_media_input")).findFirst().orElseThrow();
        assertEquals(1, max.get("lane").asInt());
        assertEquals("statistic", max.get("kind").asString());
        assertEquals(2.4e-4, max.get("value").asDouble(), 1e-12);
        assertEquals(2, max.get("group").asInt());
        assertEquals(0x90F0, max.get("raw").asInt());
        assertEquals(1e-5, max.get("thresholds").get("highWarning").asDouble(), 1e-12);
        assertEquals("highWarning", max.get("crossed").asString());

        List<JsonNode> esnr = n.get("observables").valueStream().filter(o -> o.get("name").asString()
            .equals("esnr_media_input")).toList();
        assertEquals(List.of(1, 2, 9), esnr.stream().map(o -> o.get("lane").asInt()).toList());
        assertEquals("lowWarning", esnr.get(0).get("crossed").asString(), "18.5 dB below 19 dB");
        assertTrue(esnr.get(1).get("crossed").isNull(), "19.5 dB is inside");
        assertEquals(20.0, esnr.get(2).get("thresholds").get("lowWarning").asDouble(), 1e-9, "bank 1's own set");
    }

    @Test
    void aModuleWithoutVdmIsAUsageError() {
        XpoCtlTest.assertOneLineError(CliRun.run(t -> new PlainCmisModule(), "--target", TARGET, "vdm"), 2,
            "the module does not advertise VDM");
    }
}
