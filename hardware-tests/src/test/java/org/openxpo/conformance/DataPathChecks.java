package org.openxpo.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxpo.conformance.support.Host.Durations;
import org.openxpo.conformance.support.Host;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.ConfigStatus;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * Data paths as SONiC's CMIS manager brings them up (cmis-digest §4.3): deinit and Tx off, wait DPDeactivated; stage
 * DPConfigLane and ApplyDPInit, wait ConfigSuccess with DPInitPending; clear DPDeinit, wait DPInitialized; Tx on,
 * wait DPActivated — for every advertised application (AppSel 1..4) on every bank, each step within the advertised
 * duration. Then the rejections the profile documents, and Tx disable lane by lane.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DataPathChecks extends Checks {
    /** The active control set right after the baseline: the module's default application on every lane. */
    private byte[][] defaultAcs;

    @Override
    protected void prepare() {
        super.prepare();
        defaultAcs = new byte[BANKS][];
        for (int b = 0; b < BANKS; b++) defaultAcs[b] = host.read(Pages.LANE_STATUS, b, 206, 8);
    }

    /** Resets back to the default application (every lane active) unless the module is already there. */
    private void defaultApplication() {
        boolean same = host.dataPathSummary().isEmpty();
        for (int b = 0; b < BANKS && same; b++) same = java.util.Arrays.equals(defaultAcs[b], host.read(Pages.LANE_STATUS, b, 206, 8));
        if (!same) host.resetToReady();
        host.clearFlags();
    }

    @AfterAll
    void backToTheDefaultApplication() {
        host.resetToReady();
        host.clearFlags();
    }

    private ApplicationDescriptor app(int appSel) {
        return ApplicationDescriptor.decode(host.read(Pages.LOWER_MEMORY, 0, 86 + 4 * (appSel - 1), 4), 0);
    }

    @Order(1)
    @TestFactory
    Stream<DynamicContainer> everyApplicationComesUpOnEveryBank() {
        return IntStream.rangeClosed(1, 4).mapToObj(appSel -> DynamicContainer.dynamicContainer("AppSel " + appSel,
            IntStream.range(0, BANKS).mapToObj(bank -> DynamicTest.dynamicTest("bank " + bank + " (lanes "
                + Lanes.firstLane(bank) + "-" + (Lanes.firstLane(bank) + Lanes.PER_BANK - 1) + ")", () -> bringUp(appSel, bank)))));
    }

    /** The SONiC sequence on all 8 lanes of {@code bank}, every step checked. */
    private void bringUp(int appSel, int bank) {
        ApplicationDescriptor app = app(appSel);
        assertFalse(app.isEndOfList(), "AppSel " + appSel + " is not advertised");
        Durations d = host.durations();
        String where = "AppSel " + appSel + " bank " + bank;

        // 1. deinitialize and disable Tx on every lane of the bank (bytes 128-130 in one write)
        byte[] ctl = host.read(Pages.LANE_CONTROL, bank, 128, 3);
        host.write(Pages.LANE_CONTROL, bank, 128, 0xFF, ctl[1] & 0xFF, 0xFF);
        host.awaitBank(bank, 0xFF, DataPathState.DEACTIVATED, host.limit(d.dpDeinit(), d.txTurnOff()), where + ", DPDeinit");

        // 2. stage the application: DataPathID = first lane of each data path within the bank
        int[] cfg = new int[Lanes.PER_BANK];
        for (int i = 0; i < Lanes.PER_BANK; i++) cfg[i] = new DpConfig(appSel, i - i % app.hostLaneCount(), false).encode();
        host.write(Pages.LANE_CONTROL, bank, 145, cfg);
        host.write(Pages.LANE_CONTROL, bank, 143, 0xFF);  // ApplyDPInit on all 8 lanes

        // 3. ConfigSuccess and DPInitPending on every lane (CMIS 5: SONiC re-inits without DPInitPending)
        record Verdict(int[] status, int pending) {}
        Verdict v = host.await(where + ": ConfigSuccess and DPInitPending on all 8 lanes", host.limit(d.dpInit()),
            () -> new Verdict(host.configStatus(bank), host.laneBits(LaneStatusPage.DP_INIT_PENDING_LANE, bank)),
            x -> IntStream.of(x.status).allMatch(s -> s == ConfigStatus.SUCCESS.code() || isRejection(s))
                && (IntStream.of(x.status).anyMatch(DataPathChecks::isRejection) || x.pending == 0xFF),
            x -> "ConfigStatus " + statusNames(x.status) + ", DPInitPending " + String.format("0x%02X", x.pending));
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            assertEquals(ConfigStatus.SUCCESS.code(), v.status[i], where + ": lane " + (Lanes.lane(bank, i))
                + " ConfigStatus " + statusNames(v.status));
        }
        DpConfig[] acs = host.activeConfig(bank);
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            assertEquals(cfg[i], acs[i].encode(), where + ": the active control set (11h:" + (206 + i)
                + ") must hold the staged DPConfig");
        }

        // 4. clear DPDeinit: DPInit runs, DPInitialized (Tx still disabled), DPInitPending cleared
        host.setLaneBits(LaneControlPage.DP_DEINIT_LANE, bank, 0x00);
        host.awaitBank(bank, 0xFF, DataPathState.INITIALIZED, host.limit(d.dpInit()), where + ", DPInit");
        assertEquals(0, host.laneBits(LaneStatusPage.DP_INIT_PENDING_LANE, bank), where + ": DPInitPending must clear once DPInit ran");

        // 5. enable Tx: DPActivated, Tx and Rx outputs valid
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0x00);
        host.awaitBank(bank, 0xFF, DataPathState.ACTIVATED, host.limit(d.txTurnOn()), where + ", DPTxTurnOn");
        host.await(where + ": OutputStatusTx and OutputStatusRx on all 8 lanes", host.limit(d.txTurnOn()),
            () -> new int[] {host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, bank), host.laneBits(LaneStatusPage.OUTPUT_STATUS_RX, bank)},
            s -> s[0] == 0xFF && s[1] == 0xFF, s -> String.format("Tx 0x%02X, Rx 0x%02X (bit per lane)", s[0], s[1]));
    }

    private static boolean isRejection(int code) {
        ConfigStatus s = ConfigStatus.fromCode(code);
        return s != null && s.isRejection();
    }

    private static String statusNames(int[] codes) {
        List<String> out = new ArrayList<>();
        for (int c : codes) {
            ConfigStatus s = ConfigStatus.fromCode(c);
            out.add(s == null ? "code " + c : s.cmisName());
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ rejections

    /** Deinit + Tx off on bank 2, stage {@code cfg}, ApplyDPInit {@code mask}; returns the lanes' ConfigStatus. */
    private int[] apply(int bank, int[] cfg, int mask) {
        Durations d = host.durations();
        host.write(Pages.LANE_CONTROL, bank, 128, 0xFF, host.u8(Pages.LANE_CONTROL, bank, 129), 0xFF);
        host.awaitBank(bank, 0xFF, DataPathState.DEACTIVATED, host.limit(d.dpDeinit(), d.txTurnOff()), "DPDeinit");
        host.write(Pages.LANE_CONTROL, bank, 145, cfg);
        host.write(Pages.LANE_CONTROL, bank, 143, mask);
        return host.await("a verdict (not ConfigInProgress) on the applied lanes", host.limit(d.dpInit()),
            () -> host.configStatus(bank), s -> {
                for (int i = 0; i < Lanes.PER_BANK; i++) if ((mask & (1 << i)) != 0 && s[i] == ConfigStatus.IN_PROGRESS.code()) return false;
                return true;
            }, DataPathChecks::statusNames);
    }

    private static int[] same(int appSel, int dpIdEvery) {
        int[] c = new int[Lanes.PER_BANK];
        for (int i = 0; i < Lanes.PER_BANK; i++) c[i] = new DpConfig(appSel, i - i % dpIdEvery, false).encode();
        return c;
    }

    @Order(2)
    @Test
    void unadvertisedAppSelIsRejected() {
        int[] s = apply(2, same(9, 8), 0xFF);
        assertEquals(ConfigStatus.REJECTED_INVALID_APP_SEL.code(), s[0], "AppSel 9 is not advertised: " + statusNames(s));
    }

    @Order(3)
    @Test
    void dataPathStartingOnAForbiddenLaneIsRejected() {
        int[] cfg = new int[Lanes.PER_BANK];
        // AppSel 2 (800G, 4 lanes) may start on lanes 1 and 5 of a bank only: lanes 2-5 as one data path
        for (int i = 0; i < Lanes.PER_BANK; i++) cfg[i] = new DpConfig(2, i >= 1 && i <= 4 ? 1 : (i == 0 ? 0 : 5), false).encode();
        int[] s = apply(2, cfg, 0x1E);
        assertEquals(ConfigStatus.REJECTED_INVALID_DATA_PATH.code(), s[1], "800G on lanes 2-5: " + statusNames(s));
    }

    @Order(4)
    @Test
    void partialDataPathIsRejected() {
        int[] s = apply(2, same(1, 8), 0x0F);
        assertEquals(ConfigStatus.REJECTED_PARTIAL_DATA_PATH.code(), s[0],
            "ApplyDPInit on 4 lanes of an 8-lane 1.6T data path: " + statusNames(s));
    }

    @Order(5)
    @Test
    void lanesInUseAreRejected() {
        Durations d = host.durations();
        defaultApplication();
        // the default application is DPActivated on bank 3; re-provisioning it without deinit must be refused
        host.write(Pages.LANE_CONTROL, 3, 145, same(1, 8));
        host.write(Pages.LANE_CONTROL, 3, 143, 0xFF);
        int[] s = host.await("a verdict", host.limit(d.dpInit()), () -> host.configStatus(3),
            x -> x[0] != ConfigStatus.IN_PROGRESS.code(), DataPathChecks::statusNames);
        assertEquals(ConfigStatus.REJECTED_LANES_IN_USE.code(), s[0], "ApplyDPInit on active lanes: " + statusNames(s));
        assertEquals(DataPathState.ACTIVATED, host.dpStates(3)[0], "a rejected ApplyDPInit must not touch the data path");
    }

    @Order(6)
    @Test
    void applyImmediateIsRejectedBecauseOnlySteppedConfigurationIsAdvertised() {
        Durations d = host.durations();
        host.write(Pages.LANE_CONTROL, 4, 128, 0xFF, host.u8(Pages.LANE_CONTROL, 4, 129), 0xFF);
        host.awaitBank(4, 0xFF, DataPathState.DEACTIVATED, host.limit(d.dpDeinit(), d.txTurnOff()), "DPDeinit");
        host.write(Pages.LANE_CONTROL, 4, 145, same(4, 1));
        host.write(Pages.LANE_CONTROL, 4, 144, 0xFF);
        int[] s = host.await("a verdict on ApplyImmediate", host.limit(d.dpInit()), () -> host.configStatus(4),
            x -> x[0] != ConfigStatus.IN_PROGRESS.code(), DataPathChecks::statusNames);
        assertEquals(ConfigStatus.REJECTED.code(), s[0], "ApplyImmediate with SteppedConfigOnly = 1: " + statusNames(s));
    }

    @Order(7)
    @Test
    void releasingLanesWithAppSel0DeactivatesThem() {
        Durations d = host.durations();
        int[] s = apply(5, new int[Lanes.PER_BANK], 0xFF);
        for (int i = 0; i < Lanes.PER_BANK; i++) assertEquals(ConfigStatus.SUCCESS.code(), s[i], "AppSel 0 must be accepted: " + statusNames(s));
        host.setLaneBits(LaneControlPage.DP_DEINIT_LANE, 5, 0);
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, 5, 0);
        Host.sleep(host.quietWindow(d.dpInit(), d.txTurnOn()));
        DataPathState[] st = host.dpStates(5);
        for (int i = 0; i < Lanes.PER_BANK; i++) assertEquals(DataPathState.DEACTIVATED, st[i], "unused lanes stay DPDeactivated: " + names(st));
        for (DpConfig c : host.activeConfig(5)) assertEquals(0, c.appSel(), "the active set shows the lanes unused");
    }

    // ------------------------------------------------------------------ Tx disable

    static IntStream banks() { return IntStream.range(0, BANKS); }

    /** Each lane of the bank in turn: its Tx output goes off and on again, the other lanes are untouched. */
    @Order(10)
    @ParameterizedTest(name = "bank {0}")
    @MethodSource("banks")
    void txDisableTurnsOffOnlyThatLane(int bank) {
        Durations d = host.durations();
        defaultApplication();
        assertEquals(0xFF, host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, bank), "all Tx outputs on before the check");
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            int lane = Lanes.lane(bank, i), bit = 1 << i;
            host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, bit);
            int off = host.await("lane " + lane + " OutputStatusTx 0 within DPTxTurnOff", host.limit(d.txTurnOff()),
                () -> host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, bank), s -> (s & bit) == 0, s -> String.format("0x%02X", s));
            assertEquals(0xFF & ~bit, off, "disabling lane " + lane + " must leave the other lanes of bank " + bank + " on");
            host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0);
            host.await("lane " + lane + " OutputStatusTx 1 within DPTxTurnOn", host.limit(d.txTurnOn()),
                () -> host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, bank), s -> s == 0xFF, s -> String.format("0x%02X", s));
        }
    }

    @Order(11)
    @Test
    void disabledLaneStopsEmittingLight() {
        Durations d = host.durations();
        defaultApplication();
        double lowWarning = host.value(AdminPages.TX_POWER.lowWarning());
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, 6, 0x01);
        host.awaitBank(6, 0x01, DataPathState.ACTIVATED, host.limit(d.txTurnOff()), "a single disabled lane keeps its data path");
        Duration monitorRefresh = Duration.ofSeconds(1);
        host.await("lane 49 Tx power below 0.05 mW once disabled (monitor refresh ≤ 1 s)", monitorRefresh,
            () -> host.value(LaneStatusPage.OPTICAL_POWER_TX, 6, 0), p -> p < 0.05, p -> p + " mW");
        host.setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, 6, 0x00);
        host.await("lane 49 Tx power above its low warning (" + lowWarning + " mW) once enabled", monitorRefresh,
            () -> host.value(LaneStatusPage.OPTICAL_POWER_TX, 6, 0), p -> p > lowWarning, p -> p + " mW");
    }

    @Order(12)
    @Test
    void deinitializedLanesAreDeactivatedAndDark() {
        Durations d = host.durations();
        defaultApplication();
        host.setLaneBits(LaneControlPage.DP_DEINIT_LANE, 7, 0xFF);
        host.awaitBank(7, 0xFF, DataPathState.DEACTIVATED, host.limit(d.dpDeinit(), d.txTurnOff()), "DPDeinit");
        assertEquals(0, host.laneBits(LaneStatusPage.OUTPUT_STATUS_TX, 7), "no Tx output in DPDeactivated");
        assertEquals(0, host.laneBits(LaneStatusPage.OUTPUT_STATUS_RX, 7), "no Rx output in DPDeactivated");
        host.setLaneBits(LaneControlPage.DP_DEINIT_LANE, 7, 0x00);
        host.awaitBank(7, 0xFF, DataPathState.ACTIVATED, host.limit(d.dpInit(), d.txTurnOn()), "DPInit and Tx on");
    }

    @Order(13)
    @Test
    void dataPathStateChangesLatchDPStateChangedFlag() {
        defaultApplication();
        host.clearFlags();
        host.cycleTx(1);
        assertEquals(0xFF, host.laneBits(LaneStatusPage.DP_STATE_CHANGED_FLAG, 1), "11h:134 bank 1 after DPInitialized and DPActivated");
    }

    @Order(14)
    @Test
    void activeLaneMonitorsAreWithinTheirWarnings() {
        Durations d = host.durations();
        defaultApplication();
        double txLw = host.value(AdminPages.TX_POWER.lowWarning()), txHw = host.value(AdminPages.TX_POWER.highWarning());
        double biasLw = host.value(AdminPages.TX_BIAS.lowWarning()), biasHw = host.value(AdminPages.TX_BIAS.highWarning());
        double rxLw = host.value(AdminPages.RX_POWER.lowWarning()), rxHw = host.value(AdminPages.RX_POWER.highWarning());
        // bias and its thresholds share the encoding (2 µA × 2^TxBiasMultiplier): compare raw, print in mA
        double biasScale = 1 << Math.min((int) host.get(AdminPages.TX_BIAS_MULTIPLIER), 2);
        Host.sleep(Duration.ofMillis(300).plus(d.txTurnOn()));   // monitors refresh after the lanes came up
        List<String> bad = new ArrayList<>();
        for (int b = 0; b < BANKS; b++) {
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                int lane = Lanes.lane(b, i);
                double tx = host.value(LaneStatusPage.OPTICAL_POWER_TX, b, i), rx = host.value(LaneStatusPage.OPTICAL_POWER_RX, b, i);
                double bias = host.value(LaneStatusPage.LASER_BIAS_TX, b, i);
                if (tx < txLw || tx > txHw) bad.add("lane " + lane + " Tx " + tx + " mW");
                if (rx < rxLw || rx > rxHw) bad.add("lane " + lane + " Rx " + rx + " mW");
                if (bias < biasLw || bias > biasHw) bad.add("lane " + lane + " bias " + bias * biasScale + " mA");
            }
        }
        assertTrue(bad.isEmpty(), "lane monitors outside their warning thresholds (Tx " + txLw + "-" + txHw + " mW, Rx "
            + rxLw + "-" + rxHw + " mW): " + bad);
    }
}
