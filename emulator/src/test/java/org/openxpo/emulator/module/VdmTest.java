package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.VdmLayout;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.types.Lanes;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * VDM as a host reads it on the bus (pages 20h–2Fh in every bank, raw bytes): the advertised layout, samples that
 * follow the link-quality physics and the faults, thresholds, clear-on-read flags with masks, FlagsSummary and IntL,
 * and the freeze handshake with statistics that hold and restart. Virtual time throughout.
 */
class VdmTest extends ModuleFixture {
    /** Raw word of F16 0.5 (m = 500, e = 21) and of 1.0 (m = 1000, e = 21). */
    static final int F16_HALF = (21 << 11) | 500, F16_ONE = (21 << 11) | 1000;
    static final int HIGH_ALARM = 1, LOW_ALARM = 2, HIGH_WARNING = 4, LOW_WARNING = 8;

    VdmLayout.Slot slot(VdmType type, int lane) {
        return VdmLayout.XPO.find(type, Lanes.indexInBank(lane)).orElseThrow();
    }

    /** The raw sample word of {@code type} on {@code lane}, as a host reads it off the samples page. */
    int raw(VdmType type, int lane) {
        VdmLayout.Slot s = slot(type, lane);
        host.select(s.samples().page(), Lanes.bankOf(lane));
        byte[] b = host.read(s.samples().elementOffset(s.index()), 2);
        return (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
    }

    double sample(VdmType type, int lane) { return type.decode(raw(type, lane)); }

    /** The flag nibble of {@code type} on {@code lane} (reading it clears it). */
    int flags(VdmType type, int lane) {
        VdmLayout.Slot s = slot(type, lane);
        return (int) host.get(s.group().flags(), Lanes.bankOf(lane), s.index());
    }

    void freeze(int value) { assertTrue(host.write(126, 0, 0x2F).ok() && host.write(144, value).ok()); }

    int control(int bank, int offset) {
        host.select(0x2F, bank);
        return host.readByte(offset);
    }

    // ------------------------------------------------------------------ advertisement and layout

    @Test
    void vdmIsAdvertisedAndEveryBankCarriesTheXpoDescriptors() {
        bootToReady();
        host.select(0x01, 0);
        assertEquals(0x40, host.readByte(142) & 0x40, "01h:142.6 VDM pages supported");
        for (int b = 0; b < Lanes.BANKS; b++) {
            assertEquals(1, control(b, 128) & 3, "2Fh:128 = groups − 1 in bank " + b);
            host.select(0x20, b);
            byte[] g1 = host.read(128, 128);
            // group 1: laser temperature (4) lanes 0-7 in set 0, then eSNR media (5) in set 1 ...
            assertArrayEquals(new byte[] {0x00, 0x04, 0x01, 0x04, 0x02, 0x04}, Arrays.copyOf(g1, 6));
            assertArrayEquals(new byte[] {0x10, 0x05}, Arrays.copyOfRange(g1, 16, 18));
            assertArrayEquals(new byte[] {0x77, 0x18}, Arrays.copyOfRange(g1, 126, 128), "set 7, lane 7, type 24");
            host.select(0x21, b);
            byte[] g2 = host.read(128, 128);
            assertArrayEquals(new byte[] {0x00, 0x09, 0x10, 0x0B, 0x20, 0x0D},
                new byte[] {g2[0], g2[1], g2[16], g2[17], g2[32], g2[33]}, "BER min, max, avg media");
        }
    }

    @Test
    void descriptorsStayConstantWhilePoweredWhateverHappens() {
        bootToReady();
        byte[][] before = descriptorPages();
        module.inject(new Fault.RxLossOfSignal(Set.of(1, 40)));
        module.inject(new Fault.DirtyConnector(Set.of(12), 4));
        freeze(0x80);
        advance(5000);
        freeze(0);
        advance(5000);
        assertArrayEquals(before, descriptorPages());
    }

    private byte[][] descriptorPages() {
        byte[][] out = new byte[2 * Lanes.BANKS][];
        for (int b = 0; b < Lanes.BANKS; b++) {
            host.select(0x20, b);
            out[2 * b] = host.read(128, 128);
            host.select(0x21, b);
            out[2 * b + 1] = host.read(128, 128);
        }
        return out;
    }

    @Test
    void thePagesOfUnadvertisedGroupsAreNotThere() {
        bootToReady();
        host.write(126, 0, 0x22);
        assertEquals(0, host.readByte(127), "selecting page 22h (group 3) shows page 00h");
        host.select(0x21, 0);
        assertEquals(0x21, host.readByte(127));
    }

    @Test
    void thresholdsBracketEveryLiveSampleAndAreEncodedLikeTheSample() {
        bootToReady();
        advance(30_000);
        for (int lane = 1; lane <= Lanes.COUNT; lane += 9) {
            for (VdmType type : VdmLayout.XPO_BASIC) {
                VdmLayout.Slot s = slot(type, lane);
                host.select(s.group().thresholds().page(), Lanes.bankOf(lane));
                byte[] set = host.read(s.thresholdOffset(org.openxpo.protocol.map.ThresholdKind.HIGH_ALARM), 8);
                double hw = type.decode((set[4] & 0xFF) << 8 | (set[5] & 0xFF));
                double lw = type.decode((set[6] & 0xFF) << 8 | (set[7] & 0xFF));
                double v = sample(type, lane);
                assertTrue(v < hw && (lw == 0 || v > lw), type + " lane " + lane + " = " + v + " outside " + lw + "-" + hw);
            }
        }
        host.select(0x28, 3);
        // the BER current media set (5): HighAlarm 2.4e-4 = 0x90F0 in F16
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0xF0}, host.read(128 + 8 * 4, 2));
    }

    // ------------------------------------------------------------------ samples and physics

    @Test
    void samplesAreEncodedExactlyAndFollowTheLinkPhysics() {
        bootToReady();
        advance(30_000);
        int lane = 21;
        int esnrRaw = raw(VdmType.ESNR_MEDIA, lane);
        double esnr = esnrRaw / 256.0;
        assertTrue(esnr > 19.5 && esnr < 23, "U16 in 1/256 dB: " + esnr);
        int berRaw = raw(VdmType.PRE_FEC_BER_CURRENT_MEDIA, lane);
        double ber = (berRaw & 0x7FF) * Math.pow(10, (berRaw >>> 11) - 24);
        // the BER the PAM4 formula gives at the published eSNR (both sampled on the same tick)
        assertEquals(LinkMath.berExact(esnr), ber, ber * 0.02);
        double laser = (short) raw(VdmType.LASER_TEMPERATURE, lane) / 256.0;
        double hotZone = host.value(Monitor.CARD_A_HOT_ZONE_TEMP.value());
        assertEquals(hotZone + LinkQuality.LASER_SELF_HEATING_C, laser, 0.5, "S16 1/256 °C, a lit laser above its zone");
        assertEquals(0, raw(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, lane), "a healthy lane loses no frame");
        double ltp = sample(VdmType.LTP_MEDIA, lane);
        assertEquals(esnr - LinkQuality.LTP_BELOW_ESNR_DB, ltp, LinkQuality.LTP_SPREAD_DB + 0.01);
    }

    @Test
    void aLaneWhoseDataPathIsNotActivatedReportsNothing() {
        bootToReady();
        advance(1000);
        host.setByte(LaneControlPage.DP_DEINIT_LANE, 1, 0x04);   // lane 11 (bank 1, third lane) deinitialised
        advance(2000);
        clearAllFlags();
        advance(1000);
        for (VdmType type : VdmLayout.XPO_BASIC) assertEquals(0, raw(type, 11), type + " of the deinitialised lane");
        for (VdmType type : VdmLayout.XPO_STATISTICS) assertEquals(0, raw(type, 11), type + " of the deinitialised lane");
        for (VdmType type : VdmLayout.XPO_BASIC) assertEquals(0, flags(type, 11), type + " latches nothing");
        assertTrue(sample(VdmType.ESNR_MEDIA, 17) > 19, "the next bank's data path still measures");
    }

    @Test
    void rxLossOfSignalReadsNoSnrTheWorstBerAndLatchesFlagsWithSummaryAndIntL() {
        bootToReady();
        advance(1000);
        clearAllFlags();
        assertTrue(cage.readPin(Pin.INT_L));
        // lane 3 (bank 0) and lane 50 (bank 6): both summaries
        module.inject(new Fault.RxLossOfSignal(Set.of(3, 50)));
        advance(200);
        assertEquals(0, raw(VdmType.ESNR_MEDIA, 3));
        assertEquals(0, raw(VdmType.LTP_MEDIA, 3));
        assertEquals(F16_HALF, raw(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 3));
        assertEquals(F16_ONE, raw(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, 3));
        assertTrue(sample(VdmType.ESNR_HOST, 3) > 19, "the host side still receives");
        assertEquals(0x08, host.readByte(4) & 0x08, "FlagsSummaryBank0 bit 3: a VDM flag in bank 0");
        assertEquals(0x40, host.readByte(13) & 0x40, "bank 6 summarised in 00h:13");
        assertEquals(LOW_ALARM | LOW_WARNING, flags(VdmType.ESNR_MEDIA, 3));
        assertEquals(HIGH_ALARM | HIGH_WARNING, flags(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 3));
        assertEquals(HIGH_ALARM | HIGH_WARNING, flags(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, 50));
        assertEquals(0, flags(VdmType.ESNR_MEDIA, 3), "clear on read (and not yet latched again)");
        assertFalse(cage.readPin(Pin.INT_L), "the LOS flags of 11h and the VDM flags assert IntL");
    }

    @Test
    void aMaskedVdmFlagStaysOffIntLButShowsInTheSummary() {
        bootToReady();
        advance(1000);
        // mask every VDM flag of bank 2, then hurt lane 20 (bank 2) only through its SNR
        host.select(0x2D, 2);
        int[] ones = new int[8];
        Arrays.fill(ones, 0xFF);
        for (int at = 128; at < 192; at += 8) assertTrue(host.write(at, ones).ok(), "8-byte writes");
        clearAllFlags();
        module.inject(new Fault.DirtyConnector(Set.of(20), 10));
        advance(300);
        assertTrue(cage.readPin(Pin.INT_L), "masked: IntL stays released");
        assertEquals(0x08, host.readByte(6) & 0x08, "FlagsSummaryBank2 shows the flag anyway");
        VdmLayout.Slot esnr = slot(VdmType.ESNR_MEDIA, 20);
        host.select(0x2D, 2);
        host.write(esnr.group().masks().elementOffset(esnr.index()), 0);   // unmask lane 20's eSNR nibble
        assertFalse(cage.readPin(Pin.INT_L), "unmasking a latched flag asserts IntL at once");
    }

    // ------------------------------------------------------------------ freeze

    @Test
    void freezeSetsItsDoneBitWithinTenMillisecondsAndHoldsTheStatistics() {
        bootToReady();
        advance(5000);
        assertEquals(0x40, control(0, 145), "statistics run from power-on: UnfreezeDone");
        freeze(0x80);
        assertEquals(0, control(0, 145) & 0x40, "UnfreezeDone drops with the request");
        long ms = millisUntil(() -> (control(0, 145) & 0x80) != 0, 10, "FreezeDone");
        assertTrue(ms <= 10);
        assertEquals(0x80, control(5, 144), "one control for the module: bank 5 reads the request too");
        assertEquals(0x80, control(5, 145), "and its done bit");
        byte[] held = statisticsPage(4);
        module.inject(new Fault.ErroredFramesBurst(Set.of(33), 2000, 1e-3));
        module.inject(new Fault.DirtyConnector(Set.of(34), 6));
        advance(3000);
        assertArrayEquals(held, statisticsPage(4), "the statistics hold while frozen");
        assertTrue(sample(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, 34) > 0 || sample(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 34) > 1e-5,
            "the basic values keep moving");
    }

    @Test
    void unfreezeStartsANewIntervalAndSetsItsDoneBit() {
        bootToReady();
        advance(1000);
        ActiveFault burst = module.inject(new Fault.ErroredFramesBurst(Set.of(9), 1000, 1e-3));
        advance(500);
        assertEquals(1e-3, sample(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, 9), 1e-6, "during the burst");
        advance(1000);
        assertTrue(module.activeFaults().stream().noneMatch(a -> a.id().equals(burst.id())), "a burst ends by itself");
        assertEquals(0, sample(VdmType.ERRORED_FRAMES_CURRENT_MEDIA, 9), "after it");
        assertEquals(1e-3, sample(VdmType.ERRORED_FRAMES_MAX_MEDIA, 9), 1e-6, "the interval's maximum remembers it");

        freeze(0x80);
        advance(10);
        freeze(0x00);
        assertEquals(0, control(0, 145) & 0x80, "FreezeDone drops with the release");
        millisUntil(() -> (control(0, 145) & 0x40) != 0, 10, "UnfreezeDone");
        advance(200);
        assertEquals(0, sample(VdmType.ERRORED_FRAMES_MAX_MEDIA, 9), "a new interval forgot the burst");
        double min = sample(VdmType.PRE_FEC_BER_MIN_MEDIA, 9), max = sample(VdmType.PRE_FEC_BER_MAX_MEDIA, 9),
            avg = sample(VdmType.PRE_FEC_BER_AVG_MEDIA, 9);
        assertTrue(min > 0 && min <= avg && avg <= max, min + " <= " + avg + " <= " + max);
    }

    @Test
    void readModifyWriteOfTheControlByteKeepsTheOtherBitsAndRepeatsChangeNothing() {
        bootToReady();
        freeze(0x81);
        advance(10);
        assertEquals(0x81, control(0, 144), "bit 0 kept as written");
        assertEquals(0x81, control(7, 144));
        assertEquals(0x80, control(0, 145));
        byte[] held = statisticsPage(0);
        freeze(0x80);   // the same request again, other bits changed: no new freeze, nothing restarts
        advance(500);
        assertEquals(0x80, control(0, 145));
        assertArrayEquals(held, statisticsPage(0));
    }

    private byte[] statisticsPage(int bank) {
        host.select(0x25, bank);
        byte[] page = host.read(128, 128);
        host.select(0, 0);
        return page;
    }

    // ------------------------------------------------------------------ faults

    @Test
    void aDirtyConnectorCostsItsLaneTheInjectedSnrAndClearingItRestoresIt() {
        bootToReady();
        advance(1000);
        double before = mean(VdmType.ESNR_MEDIA, 12);
        ActiveFault dirty = module.inject(new Fault.DirtyConnector(Set.of(12), 4));
        double during = mean(VdmType.ESNR_MEDIA, 12);
        assertEquals(before - 4, during, 0.1, "eSNR falls by the injected dB");
        double ber = sample(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 12);
        assertTrue(ber > 1e-5, "the BER rises past its warning: " + ber);
        assertTrue(sample(VdmType.ESNR_MEDIA, 13) > during + 2, "other lanes keep their SNR");
        module.clearFault(dirty.id());
        assertEquals(before, mean(VdmType.ESNR_MEDIA, 12), 0.1);
    }

    /** Mean of a sample over 20 ticks (noise ±0.1 dB). */
    private double mean(VdmType type, int lane) {
        double sum = 0;
        for (int k = 0; k < 20; k++) {
            advance(100);
            sum += sample(type, lane);
        }
        return sum / 20;
    }

    @Test
    void agingDriftLowersTheSnrByItsRateOverEmulatedHours() {
        bootToReady();
        advance(1000);
        double before = mean(VdmType.ESNR_MEDIA, 60);
        module.inject(new Fault.AgingDrift(Set.of(60), 1.5));
        advance(3_600_000);
        assertEquals(before - 1.5, mean(VdmType.ESNR_MEDIA, 60), 0.1);
    }

    @Test
    void laserTemperatureFollowsTheHotZoneAndDropsWhenTheLaserFails() {
        bootToReady();
        advance(30_000);
        double lit = mean(VdmType.LASER_TEMPERATURE, 40);
        module.inject(new Fault.LaserFailure(Set.of(40)));
        assertEquals(lit - LinkQuality.LASER_SELF_HEATING_C, mean(VdmType.LASER_TEMPERATURE, 40), 0.5, "no self-heating");
        double neighbour = mean(VdmType.LASER_TEMPERATURE, 41);
        module.inject(new Fault.CoolantFlow(0.3));
        advance(30_000);
        assertTrue(mean(VdmType.LASER_TEMPERATURE, 41) > neighbour + 10, "less flow, hotter zone, hotter laser");
    }

    @Test
    void aLaneLoopedBackReceivesItsOwnLaser() {
        bootToReady();
        advance(1000);
        module.routeMediaInputs(lane -> lane == 7);
        module.inject(new Fault.RxLossOfSignal(Set.of(7)));
        advance(200);
        assertTrue(sample(VdmType.ESNR_MEDIA, 7) > 19, "the far end's loss does not reach a looped lane");
        module.inject(new Fault.LaserFailure(Set.of(7)));
        advance(200);
        assertEquals(0, raw(VdmType.ESNR_MEDIA, 7), "its own dark laser leaves it without light");
        assertEquals(F16_HALF, raw(VdmType.PRE_FEC_BER_CURRENT_MEDIA, 7));
    }

    @Test
    void theSameSeedGivesTheSameVdmBytesAnotherSeedOthers() {
        stop();
        chassis = new EmulatedChassis(3, clock, i -> ModuleConfig.builder().seed(i == 3 ? 2 : 1).build());
        TestHost[] hosts = {new TestHost(chassis.cage(1)), new TestHost(chassis.cage(2)), new TestHost(chassis.cage(3))};
        for (Cage c : new Cage[] {chassis.cage(1), chassis.cage(2), chassis.cage(3)}) {
            c.module().inject(new Fault.DirtyConnector(Set.of(5), 3));
        }
        advance(5000);
        for (int k = 0; k < 5; k++) {
            advance(700);
            byte[][] pages = new byte[3][];
            for (int m = 0; m < 3; m++) {
                hosts[m].select(0x24, 0);
                pages[m] = hosts[m].read(128, 128);
            }
            assertArrayEquals(pages[0], pages[1], "same seed, same samples at " + k);
            assertFalse(Arrays.equals(pages[0], pages[2]), "another seed, other samples at " + k);
        }
    }

    @Test
    void theXpoLayoutOnlyNamesObservablesTheEmulatorMeasures() {
        for (VdmType t : VdmLayout.XPO_BASIC) assertTrue(LinkQuality.measures(t), t.toString());
        for (VdmType t : VdmLayout.XPO_STATISTICS) assertTrue(LinkQuality.measures(t.sampled()), t.toString());
        assertEquals(2, VdmPages.GROUPS_SUPPORTED.bitWidth());
    }
}
