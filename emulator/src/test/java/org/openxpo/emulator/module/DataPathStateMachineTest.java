package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The data-path state machines of all 64 lanes (cmis-digest §4.2) as a host sees them on page 11h of each bank,
 * driven through page 10h, with every timed transition checked against the durations advertised in 01h:144/168.
 */
class DataPathStateMachineTest extends ModuleFixture {
    static final int DEACTIVATED = 1, INIT = 2, DEINIT = 3, ACTIVATED = 4, TX_TURN_ON = 5, TX_TURN_OFF = 6,
        INITIALIZED = 7;
    static final int BYTE_26_DEFAULT = 0x40, BANK_BROADCAST = 0x80;

    DataPathDurations advertised;

    /** Boots to ModuleReady with the default application active, and reads the advertised durations. */
    void bootAndReadDurations() {
        bootToReady();
        advertised = advertisedDataPathDurations();
    }

    int[] states(int bank) { return lanes(LaneStatusPage.DP_STATE, bank); }

    boolean bankIn(int bank, int state) { return Arrays.equals(all(state), states(bank)); }

    void assertBank(int bank, int state, String why) {
        assertArrayEquals(all(state), states(bank), () -> "bank " + bank + ": " + why);
    }

    void assertOtherBanks(int bank, int state) {
        for (int b = 0; b < 8; b++) if (b != bank) assertBank(b, state, "untouched bank");
    }

    /** Steps until every lane of {@code bank} is in {@code state}: fails if it takes longer than {@code max} or is instant. */
    void transition(int bank, int state, long max, String what) {
        long t = millisUntil(() -> bankIn(bank, state), max, what + " on bank " + bank);
        assertTrue(t > 0, what + " is not instantaneous");
    }

    void write10h(int bank, int address, int value) {
        host.select(0x10, bank);
        host.write(address, value);
    }

    void clearDpStateChangedFlags(int bank) { laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank); }

    // ------------------------------------------------------------------ default application

    @Test
    void defaultApplicationComesUpOnAll64LanesOnceTheModuleIsReady() {
        cage.writePin(Pin.LP_MODE, true);
        bootAndReadDurations();
        assertEquals(1, host.moduleState(), "held in ModuleLowPwr by LPMode");
        for (int b = 0; b < 8; b++) {
            assertBank(b, DEACTIVATED, "low power");
            assertArrayEquals(all(0x10), lanes(LaneStatusPage.ACS_DP_CONFIG_LANE, b),
                "default application AppSel 1 in the ACS");
        }

        cage.writePin(Pin.LP_MODE, false);
        millisUntil(() -> host.moduleState() == 3, advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_UP),
            "ModuleReady");
        for (int b = 0; b < 8; b++) assertBank(b, INIT, "DPInit starts at ModuleReady");
        transition(0, ACTIVATED, advertised.dpInit() + advertised.txOn(), "DPInit + DPTxTurnOn");
        for (int b = 0; b < 8; b++) {
            assertBank(b, ACTIVATED, "default application up");
            assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, b), "bank " + b + " transmitting");
            assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_RX, b), "bank " + b + " Rx output valid");
        }
    }

    // ------------------------------------------------------------------ the full cycle, per bank

    @ParameterizedTest(name = "bank {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void deinitInitTxOnTxOffOnEveryBank(int bank) {
        bootAndReadDurations();
        assertBank(bank, ACTIVATED, "after boot");
        clearDpStateChangedFlags(bank);

        // DPDeinit: Activated -> DPDeinit -> DPDeactivated
        write10h(bank, 128, 0xFF);
        assertBank(bank, DEINIT, "DPDeinit set");
        assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank), "lasers off at once");
        assertEquals(0, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "no latch on the transient DPDeinit");
        transition(bank, DEACTIVATED, advertised.dpDeinit(), "DPDeinit");
        assertEquals(0xFF, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "latched on DPDeactivated");
        assertOtherBanks(bank, ACTIVATED);

        // Tx disabled, DPDeinit cleared: DPInit -> DPInitialized, and it stays there
        write10h(bank, 130, 0xFF);
        write10h(bank, 128, 0x00);
        assertBank(bank, INIT, "DPDeinit cleared");
        transition(bank, INITIALIZED, advertised.dpInit(), "DPInit");
        assertEquals(0xFF, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "latched on DPInitialized");
        advance(1000);
        assertBank(bank, INITIALIZED, "Tx disabled keeps the data path initialized");
        assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank));
        assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_RX, bank), "Rx is up in DPInitialized");

        // Tx enabled: DPTxTurnOn -> DPActivated
        write10h(bank, 130, 0x00);
        assertBank(bank, TX_TURN_ON, "Tx enabled");
        transition(bank, ACTIVATED, advertised.txOn(), "DPTxTurnOn");
        assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank));
        assertEquals(0xFF, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "latched on DPActivated");

        // Tx disabled: DPTxTurnOff -> DPInitialized
        write10h(bank, 130, 0xFF);
        assertBank(bank, TX_TURN_OFF, "Tx disabled");
        transition(bank, INITIALIZED, advertised.txOff(), "DPTxTurnOff");
        assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank));
        assertOtherBanks(bank, ACTIVATED);
    }

    @ParameterizedTest(name = "bank {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void aDisabledLaneInsideAnActiveDataPathTurnsOnlyItsOwnOutputOff(int bank) {
        bootAndReadDurations();
        int lane = bank % 8;                     // a different lane position on each bank
        write10h(bank, 130, 1 << lane);
        advance(advertised.txOff());
        assertBank(bank, ACTIVATED, "the data path stays active while other lanes transmit");
        assertEquals(0xFF & ~(1 << lane), laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank),
            "only lane " + (8 * bank + lane + 1) + " dark");
        write10h(bank, 130, 0x00);
        assertEquals(0xFF, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank), "lane back on");
        assertBank(bank, ACTIVATED, "no transition for a per-lane output change");
    }

    @Test
    void dpDeinitOnOneLaneDeinitializesItsWholeDataPath() {
        bootAndReadDurations();
        write10h(4, 128, 0x08);
        assertBank(4, DEINIT, "the 1.6T data path spans the bank");
        transition(4, DEACTIVATED, advertised.dpDeinit(), "DPDeinit");
        write10h(4, 128, 0x00);
        transition(4, ACTIVATED, advertised.dpInit() + advertised.txOn(), "DPInit + DPTxTurnOn");
    }

    @Test
    void dpDeinitDuringDpInitAbortsIt() {
        bootAndReadDurations();
        write10h(2, 128, 0xFF);
        advance(advertised.dpDeinit());
        write10h(2, 128, 0x00);
        assertBank(2, INIT, "re-initializing");
        advance(1);
        write10h(2, 128, 0xFF);
        assertBank(2, DEINIT, "deinit wins over a running DPInit");
        transition(2, DEACTIVATED, advertised.dpDeinit(), "DPDeinit");
        advance(advertised.dpInit() * 2);
        assertBank(2, DEACTIVATED, "the aborted DPInit does not complete later");
    }

    @ParameterizedTest(name = "from state {0}")
    @ValueSource(ints = {INITIALIZED, TX_TURN_ON, TX_TURN_OFF})
    void dpDeinitFromEveryOtherPoweredState(int from) {
        bootAndReadDurations();
        int bank = 6;
        write10h(bank, 130, 0xFF);
        advance(advertised.txOff());
        assertBank(bank, INITIALIZED, "Tx disabled");
        if (from == TX_TURN_ON) write10h(bank, 130, 0x00);
        if (from == TX_TURN_OFF) {
            write10h(bank, 130, 0x00);
            advance(advertised.txOn());
            write10h(bank, 130, 0xFF);
        }
        assertBank(bank, from, "starting point");
        write10h(bank, 128, 0xFF);
        assertBank(bank, DEINIT, "DPDeinit wins");
        transition(bank, DEACTIVATED, advertised.dpDeinit(), "DPDeinit");
        advance(advertised.txOn() + advertised.txOff());
        assertBank(bank, DEACTIVATED, "the interrupted Tx transition does not complete later");
        assertEquals(0, laneMask(LaneStatusPage.OUTPUT_STATUS_TX, bank));
    }

    // ------------------------------------------------------------------ module state and data paths

    @Test
    void leavingModuleReadyDeinitializesEveryDataPathAndReturningBringsThemBack() {
        bootAndReadDurations();
        host.write(26, BYTE_26_DEFAULT | 0x10);
        for (int b = 0; b < 8; b++) assertBank(b, DEINIT, "module left Ready");
        transition(7, DEACTIVATED, Math.min(advertised.dpDeinit(), advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_DN)),
            "DPDeinit");
        for (int b = 0; b < 8; b++) assertBank(b, DEACTIVATED, "low power");
        advance(1000);
        for (int b = 0; b < 8; b++) assertBank(b, DEACTIVATED, "still low power");

        host.write(26, BYTE_26_DEFAULT);
        millisUntil(() -> host.moduleState() == 3, advertisedMillis(AdminPages.MAX_DURATION_MODULE_PWR_UP),
            "ModuleReady");
        transition(0, ACTIVATED, advertised.dpInit() + advertised.txOn(), "DPInit + DPTxTurnOn");
        for (int b = 0; b < 8; b++) assertBank(b, ACTIVATED, "back up");
    }

    // ------------------------------------------------------------------ DPStateChangedFlag, masks, summaries

    @ParameterizedTest(name = "bank {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void dpStateChangedFlagDrivesFlagsSummaryAndIntLUnlessMasked(int bank) {
        bootAndReadDurations();
        clearAllFlags();
        assertTrue(cage.readPin(Pin.INT_L), "IntL released after reading every flag");

        write10h(bank, 128, 0xFF);
        advance(advertised.dpDeinit());
        assertFalse(cage.readPin(Pin.INT_L), "DPStateChangedFlag asserts IntL");
        if (bank < 4) assertEquals(1, host.readByte(4 + bank) & 1, "FlagsSummary bank " + bank);
        else assertEquals(1 << bank, host.readByte(13) & 0xF0, "XPO summary of banks 4-7 in 00h:13");
        clearAllFlags();
        assertTrue(cage.readPin(Pin.INT_L));

        write10h(bank, 213, 0xFF);               // DPStateChangedMask
        write10h(bank, 232, 0xFF);               // OutputStatusChangedMaskRx: Rx comes up with the data path
        write10h(bank, 128, 0x00);
        advance(advertised.dpInit() + advertised.txOn());
        assertBank(bank, ACTIVATED, "back up");
        assertTrue(cage.readPin(Pin.INT_L), "masked flags do not assert IntL");
        assertEquals(1, host.get(LowerPage.INTERRUPT_DEASSERTED));
        assertEquals(0xFF, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "a masked flag still latches");
        assertEquals(0, laneMask(LaneStatusPage.DP_STATE_CHANGED_FLAG, bank), "clear on read");
    }

    // ------------------------------------------------------------------ BankBroadcastEnable

    @Test
    void bankBroadcastEnableMakesAPage10hWriteReachEveryBank() {
        bootAndReadDurations();
        host.write(26, BANK_BROADCAST | BYTE_26_DEFAULT);
        write10h(2, 128, 0xFF);
        for (int b = 0; b < 8; b++) {
            assertBank(b, DEINIT, "broadcast DPDeinit");
            assertEquals(0xFF, laneMask(LaneControlPage.DP_DEINIT_LANE, b), "written on bank " + b);
        }
        transition(5, DEACTIVATED, advertised.dpDeinit(), "DPDeinit");
        for (int b = 0; b < 8; b++) assertBank(b, DEACTIVATED, "all deinitialized");

        host.write(26, BYTE_26_DEFAULT);
        write10h(5, 128, 0x00);
        transition(5, ACTIVATED, advertised.dpInit() + advertised.txOn(), "DPInit + DPTxTurnOn");
        assertOtherBanks(5, DEACTIVATED);
        for (int b = 0; b < 8; b++) if (b != 5) assertEquals(0xFF, laneMask(LaneControlPage.DP_DEINIT_LANE, b),
            "bank " + b);
    }
}
