package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneStatusPage;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ApplyDPInit (10h:143) on staged control set 0 (10h:145..): ConfigInProgress, then ConfigSuccess with the set copied
 * to the active control set (11h:206..) and DPInitPending (11h:235), or one of the reject codes; and whole application
 * changes done the way SONiC's xcvrd does them, on all eight banks.
 */
class ApplyDpInitTest extends ModuleFixture {
    static final int UNDEFINED = 0, SUCCESS = 1, REJECTED = 2, INVALID_APP_SEL = 3, INVALID_DATA_PATH = 4,
        INVALID_SI = 5, LANES_IN_USE = 6, PARTIAL_DATA_PATH = 7, IN_PROGRESS = 0xC;
    /** Advertised applications of the default module (docs/xpo-profile.md). */
    static final int APP_1600G = 1, APP_800G = 2, APP_400G = 3, APP_200G = 4;
    static final int DEACTIVATED = 1, INIT = 2, ACTIVATED = 4, INITIALIZED = 7;
    static final int BYTE_26_DEFAULT = 0x40;

    DataPathDurations advertised;
    long verdictMax;

    void boot() {
        bootToReady();
        advertised = advertisedDataPathDurations();
        // xcvrd waits max(ModulePwrUp, DPDeinit) for ConfigSuccess
        verdictMax = Math.max(advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_UP), advertised.dpDeinit());
    }

    /** One DPConfigLane byte: AppSel, DataPathID (first lane index in the bank), ExplicitControl. */
    static int cfg(int appSel, int dataPathId, int explicit) { return (appSel << 4) | (dataPathId << 1) | explicit; }

    static int cfg(int appSel, int dataPathId) { return cfg(appSel, dataPathId, 0); }

    /** The DPConfigLane bytes of {@code appSel} laid over a whole bank, each data path starting at its first lane. */
    static int[] wholeBank(int appSel, int lanesPerDataPath) {
        int[] c = new int[8];
        for (int i = 0; i < 8; i++) c[i] = cfg(appSel, i - i % lanesPerDataPath);
        return c;
    }

    void write10h(int bank, int address, int... values) {
        host.select(0x10, bank);
        host.write(address, values);
    }

    void stage(int bank, int... config) { write10h(bank, 145, config); }

    int[] status(int bank) { return lanes(LaneStatusPage.CONFIG_STATUS_LANE, bank); }

    int[] acs(int bank) { return lanes(LaneStatusPage.ACS_DP_CONFIG_LANE, bank); }

    int[] states(int bank) { return lanes(LaneStatusPage.DP_STATE, bank); }

    int pending(int bank) { return laneMask(LaneStatusPage.DP_INIT_PENDING_LANE, bank); }

    /** DPDeinit and Tx disable on every lane of the bank, then waits for DPDeactivated. */
    void deactivate(int bank) {
        write10h(bank, 130, 0xFF);
        write10h(bank, 128, 0xFF);
        millisUntil(() -> Arrays.equals(all(DEACTIVATED), states(bank)), advertised.dpDeinit(), "DPDeactivated");
    }

    /** ApplyDPInit on every lane of {@code bank} is rejected, and nothing reaches the active control set. */
    void assertApplyRejected(int bank) {
        assertArrayEquals(all(REJECTED), apply(bank, 0xFF));
        assertArrayEquals(all(0x10), acs(bank), "nothing provisioned");
    }

    /**
     * Writes ApplyDPInit = {@code mask}, checks ConfigInProgress on those lanes at once, and waits for the verdict
     * (not instantaneous, within the time a host allows). Returns ConfigStatusLane of the bank.
     */
    int[] apply(int bank, int mask) {
        write10h(bank, 143, mask);
        int[] now = status(bank);
        for (int i = 0; i < 8; i++) {
            if ((mask & (1 << i)) != 0) assertEquals(IN_PROGRESS, now[i], "ConfigInProgress first, lane index " + i);
        }
        long t = millisUntil(() -> {
            int[] s = status(bank);
            for (int i = 0; i < 8; i++) if ((mask & (1 << i)) != 0 && s[i] == IN_PROGRESS) return false;
            return true;
        }, verdictMax, "ApplyDPInit verdict");
        assertTrue(t > 0, "the check takes time");
        return status(bank);
    }

    /** Releases every lane of a deactivated bank (AppSel 0 + ApplyDPInit 0xFF), as xcvrd's decommission does. */
    void release(int bank) {
        stage(bank, all(0));
        assertArrayEquals(all(SUCCESS), apply(bank, 0xFF), "release accepted");
        assertArrayEquals(all(0), acs(bank));
    }

    // ------------------------------------------------------------------ success

    @ParameterizedTest(name = "bank {0}")
    @ValueSource(ints = {0, 5})
    void successCopiesTheStagedSetAndKeepsDpInitPendingUntilDpInitRuns(int bank) {
        boot();
        deactivate(bank);
        int[] staged = wholeBank(APP_800G, 4);
        stage(bank, staged);
        assertArrayEquals(all(0x10), acs(bank), "nothing active changes before ApplyDPInit");

        assertArrayEquals(all(SUCCESS), apply(bank, 0xFF));
        assertArrayEquals(staged, acs(bank), "SCS0 copied to the ACS");
        assertEquals(0xFF, pending(bank), "DPInitPending on every applied lane");
        advance(2000);
        assertEquals(0xFF, pending(bank), "pending while DPDeinit holds the data paths");
        assertArrayEquals(all(DEACTIVATED), states(bank));

        write10h(bank, 128, 0xF0);                 // initialize the first 800G data path only
        assertArrayEquals(new int[] {INIT, INIT, INIT, INIT, 1, 1, 1, 1}, states(bank));
        assertEquals(0xF0, pending(bank), "cleared by DPInit for its own lanes only");
        millisUntil(() -> states(bank)[0] == INITIALIZED, advertised.dpInit(), "DPInitialized");
        write10h(bank, 128, 0x00);
        assertEquals(0x00, pending(bank));
        write10h(bank, 130, 0x00);
        millisUntil(() -> Arrays.equals(all(ACTIVATED), states(bank)), advertised.dpInit() + advertised.txOn(), "DPActivated");
        for (int b = 0; b < 8; b++) if (b != bank) assertArrayEquals(all(0x10), acs(b), "other banks untouched");
    }

    @Test
    void applyingOneDataPathLeavesTheOtherDataPathsPendingBitsAlone() {
        boot();
        deactivate(3);
        release(3);
        assertEquals(0, pending(3), "released lanes are not pending");

        stage(3, wholeBank(APP_800G, 4));
        int[] first = apply(3, 0x0F);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, first, "lanes 5-8 keep the release verdict");
        assertEquals(0x0F, pending(3));
        int[] second = apply(3, 0xF0);
        assertArrayEquals(all(SUCCESS), second);
        assertEquals(0xFF, pending(3), "the first data path is still pending");
        assertArrayEquals(wholeBank(APP_800G, 4), acs(3));
    }

    @Test
    void releaseWithAppSel0LeavesTheLanesUnused() {
        boot();
        deactivate(6);
        release(6);
        assertEquals(0, pending(6));
        write10h(6, 128, 0x00);
        write10h(6, 130, 0x00);
        advance(advertised.dpInit() + advertised.txOn() + 100);
        assertArrayEquals(all(DEACTIVATED), states(6), "unused lanes report DPDeactivated");
        assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, 6), "no light on unused lanes");
    }

    @Test
    void applyInLowPowerIsAccepted() {
        boot();
        host.write(26, BYTE_26_DEFAULT | 0x10);
        advance(advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_DN));
        assertEquals(1, host.moduleState());
        stage(2, wholeBank(APP_200G, 1));
        assertArrayEquals(all(SUCCESS), apply(2, 0xFF));
        assertArrayEquals(wholeBank(APP_200G, 1), acs(2));
    }

    // ------------------------------------------------------------------ rejections

    @ParameterizedTest(name = "AppSel {0}")
    @ValueSource(ints = {5, 9, 15})
    void anAppSelThatIsNotAdvertisedIsRejected(int appSel) {
        boot();
        deactivate(1);
        release(1);
        stage(1, all(cfg(appSel, 0)));
        assertArrayEquals(all(INVALID_APP_SEL), apply(1, 0xFF));
        assertArrayEquals(all(0), acs(1), "ACS unchanged");
        assertEquals(0, pending(1));
    }

    @Test
    void aDataPathStartingOnALaneTheApplicationDoesNotAllowIsRejected() {
        boot();
        deactivate(4);
        release(4);
        // 800G may start on lane index 0 or 4 only
        stage(4, 0, 0, cfg(APP_800G, 2), cfg(APP_800G, 2), cfg(APP_800G, 2), cfg(APP_800G, 2), 0, 0);
        assertArrayEquals(new int[] {1, 1, 4, 4, 4, 4, 1, 1}, apply(4, 0x3C));
        // 1.6T may start on lane index 0 only
        stage(4, all(cfg(APP_1600G, 4)));
        assertArrayEquals(all(INVALID_DATA_PATH), apply(4, 0xFF));
        assertArrayEquals(all(0), acs(4), "nothing provisioned");
    }

    @Test
    void lanesOfADataPathStagedInconsistentlyAreRejected() {
        boot();
        deactivate(0);
        release(0);
        // lane index 2 staged as 400G inside an 800G data path on 0..3
        stage(0, cfg(APP_800G, 0), cfg(APP_800G, 0), cfg(APP_400G, 2), cfg(APP_800G, 0), 0, 0, 0, 0);
        assertArrayEquals(new int[] {4, 4, 4, 4, 1, 1, 1, 1}, apply(0, 0x0F));
        // lane index 6 claims a data path (0..3) that does not contain it
        stage(0, cfg(APP_800G, 0), cfg(APP_800G, 0), cfg(APP_800G, 0), cfg(APP_800G, 0), 0, 0, cfg(APP_800G, 0), 0);
        int[] s = apply(0, 0x4F);
        assertEquals(INVALID_DATA_PATH, s[6]);
        assertArrayEquals(new int[] {1, 1, 1, 1}, Arrays.copyOf(s, 4), "the consistent data path is provisioned");
        assertEquals(0, acs(0)[6]);
    }

    @Test
    void aMaskThatMissesALaneOfTheDataPathIsRejectedAsPartial() {
        boot();
        deactivate(7);
        release(7);
        stage(7, wholeBank(APP_800G, 4));
        assertArrayEquals(new int[] {7, 7, 7, 1, 1, 1, 1, 1}, apply(7, 0x07), "lane index 3 missing");
        assertArrayEquals(all(0), acs(7));
        assertEquals(0, pending(7));
    }

    @Test
    void explicitSignalIntegrityAboveTheAdvertisedMaximumIsRejected() {
        boot();
        int txEqMax = (int) host.get(AdminPages.RX_OUTPUT_AMPLITUDE_SUPPORT) & 0x0F;   // 01h:153 bits 3-0
        deactivate(2);
        release(2);

        // ExplicitControl = 1, lane index 1 asks for one step above the maximum
        stage(2, cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1), 0, 0, 0, 0);
        write10h(2, 156, (txEqMax + 1) << 4);
        assertArrayEquals(new int[] {5, 5, 5, 5, 1, 1, 1, 1}, apply(2, 0x0F), "the whole data path is rejected");
        assertArrayEquals(all(0), acs(2));

        // ExplicitControl = 0: the staged SI is not used, so it is not checked
        stage(2, cfg(APP_800G, 0), cfg(APP_800G, 0), cfg(APP_800G, 0), cfg(APP_800G, 0));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, apply(2, 0x0F));
        assertEquals(0, lanes(LaneStatusPage.ACS_FIXED_INPUT_EQ_TARGET_TX, 2)[1], "application default in the ACS");

        // exactly the maximum is legal and reaches the ACS
        deactivate(2);
        stage(2, cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1), cfg(APP_800G, 0, 1));
        write10h(2, 156, txEqMax << 4);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, apply(2, 0x0F));
        assertEquals(txEqMax, lanes(LaneStatusPage.ACS_FIXED_INPUT_EQ_TARGET_TX, 2)[1]);
        assertEquals(cfg(APP_800G, 0, 1), acs(2)[1]);
    }

    @Test
    void lanesThatAreNotDeactivatedAreInUse() {
        boot();
        stage(5, wholeBank(APP_800G, 4));
        assertArrayEquals(all(LANES_IN_USE), apply(5, 0xFF), "the default application is active");
        assertArrayEquals(all(0x10), acs(5));
        assertArrayEquals(all(ACTIVATED), states(5), "the running data path is not disturbed");
        assertEquals(0, pending(5));
    }

    @Test
    void lanesOfASurvivingDataPathOutsideTheMaskAreInUse() {
        boot();
        deactivate(1);
        // the active 1.6T data path spans all eight lanes: re-provisioning only lanes 1-4 would split it
        stage(1, wholeBank(APP_800G, 4));
        assertArrayEquals(new int[] {6, 6, 6, 6, 0, 0, 0, 0}, apply(1, 0x0F));
        assertArrayEquals(all(0x10), acs(1));
    }

    @Test
    void applyIsRejectedWhileTheModuleIsPoweringUp() {
        boot();
        host.write(26, BYTE_26_DEFAULT | 0x10);
        advance(advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_DN));
        host.write(26, BYTE_26_DEFAULT);
        assertEquals(2, host.moduleState(), "ModulePwrUp");
        stage(3, wholeBank(APP_200G, 1));
        assertApplyRejected(3);
        assertEquals(2, host.moduleState(), "still powering up when the verdict came");
    }

    @Test
    void applyIsRejectedWhileTheModuleIsPoweringDown() {
        boot();
        deactivate(3);
        stage(3, wholeBank(APP_200G, 1));
        host.write(26, BYTE_26_DEFAULT | 0x10);
        assertEquals(4, host.moduleState(), "ModulePwrDn");
        assertApplyRejected(3);
    }

    @Test
    void applyIsRejectedInModuleFault() {
        boot();
        module.inject(new Fault.FirmwareFault());
        assertEquals(5, host.moduleState(), "ModuleFault");
        stage(3, wholeBank(APP_200G, 1));
        assertApplyRejected(3);
    }

    @Test
    void applyImmediateIsNotAdvertisedAndRejected() {
        boot();
        deactivate(0);
        stage(0, wholeBank(APP_200G, 1));
        write10h(0, 144, 0xFF);
        assertEquals(0, host.readByte(144), "write-only trigger reads 0");
        assertArrayEquals(all(REJECTED), status(0));
        assertArrayEquals(all(0x10), acs(0), "nothing provisioned");
        assertEquals(0, pending(0));
    }

    @Test
    void configStatusIsUndefinedUntilTheFirstApply() {
        boot();
        for (int b = 0; b < 8; b++) assertArrayEquals(all(UNDEFINED), status(b), "bank " + b);
    }

    // ------------------------------------------------------------------ whole application changes, SONiC style

    /** xcvrd's sequence on every bank: deinit, release, provision, init, Tx on. */
    void changeApplication(int appSel, int lanesPerDataPath) {
        for (int b = 0; b < 8; b++) {
            write10h(b, 128, 0xFF);
            write10h(b, 130, 0xFF);
        }
        long t = millisUntil(() -> {
            for (int b = 0; b < 8; b++) if (!Arrays.equals(all(DEACTIVATED), states(b))) return false;
            return true;
        }, advertised.dpDeinit(), "DPDeactivated on every bank");
        assertTrue(t > 0);
        for (int b = 0; b < 8; b++) {
            release(b);
            stage(b, wholeBank(appSel, lanesPerDataPath));
            assertArrayEquals(all(SUCCESS), apply(b, 0xFF), "bank " + b);
            assertEquals(0xFF, pending(b), "xcvrd requires DPInitPending before it clears DPDeinit");
        }
        for (int b = 0; b < 8; b++) write10h(b, 128, 0x00);
        millisUntil(() -> {
            for (int b = 0; b < 8; b++) if (!Arrays.equals(all(INITIALIZED), states(b))) return false;
            return true;
        }, advertised.dpInit(), "DPInitialized on every bank");
        for (int b = 0; b < 8; b++) write10h(b, 130, 0x00);
        millisUntil(() -> {
            for (int b = 0; b < 8; b++) if (!Arrays.equals(all(ACTIVATED), states(b))) return false;
            return true;
        }, advertised.txOn(), "DPActivated on every bank");
        for (int b = 0; b < 8; b++) {
            assertArrayEquals(wholeBank(appSel, lanesPerDataPath), acs(b), "ACS of bank " + b);
            assertEquals(0, pending(b));
            assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, b));
            for (int i = 0; i < 8; i++) {
                assertEquals(appSel, acs(b)[i] >> 4, "AppSel of lane " + (8 * b + i + 1));
            }
        }
    }

    @Test
    void applicationChangesOnAllBanks1600GTo800GTo200GAndBack() {
        boot();
        changeApplication(APP_800G, 4);
        // two independent data paths per bank: disabling the second leaves the first running
        write10h(6, 130, 0xF0);
        millisUntil(() -> states(6)[4] == INITIALIZED, advertisedMillis(AdminPages.MAX_DURATION_DP_TX_TURN_OFF),
            "DPInitialized");
        assertArrayEquals(new int[] {4, 4, 4, 4, 7, 7, 7, 7}, states(6));
        write10h(6, 130, 0x00);
        advance(advertised.txOn());

        changeApplication(APP_200G, 1);
        // every lane is its own data path now
        write10h(1, 128, 0x04);
        assertArrayEquals(new int[] {4, 4, 3, 4, 4, 4, 4, 4}, states(1));
        write10h(1, 128, 0x00);
        advance(advertised.dpDeinit() + advertised.dpInit() + advertised.txOn());
        assertArrayEquals(all(ACTIVATED), states(1));

        changeApplication(APP_1600G, 8);
    }
}
