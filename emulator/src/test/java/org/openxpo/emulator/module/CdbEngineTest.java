package org.openxpo.emulator.module;

import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.units.Codecs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class CdbEngineTest extends ModuleFixture {
    CdbTestHost cdb;

    @BeforeEach
    void boot() {
        bootToReady();
        cdb = new CdbTestHost(host, clock);
    }

    static byte[] image(int major, int minor, int size) {
        return FirmwareImageFormat.pack(major, minor, 7, FirmwareImageFormat.samplePayload(size, major * 31L + minor));
    }

    /** The SONiC/kernel sequence: Start with the header, blocks (LPL or 2 KiB EPL), Complete. */
    int download(byte[] image, boolean epl) {
        int s = FirmwareImageFormat.HEADER_SIZE;
        int status = cdb.run(0x0101, startPayload(image));
        if (status != 0x01) return status;
        int block = epl ? 2048 : 116;
        for (int off = s; off < image.length; off += block) {
            int n = Math.min(block, image.length - off);
            byte[] data = Arrays.copyOfRange(image, off, off + n);
            status = epl ? cdb.run(0x0104, CdbTestHost.u32(off - s), data)
                : cdb.run(0x0103, concat(CdbTestHost.u32(off - s), data), new byte[0]);
            if (status != 0x01) return status;
        }
        return cdb.run(0x0107);
    }

    /** The Start Download (0101h) LPL: image size, 4 reserved bytes, the image's first StartCmdPayloadSize bytes. */
    static byte[] startPayload(byte[] image) {
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.writeBytes(CdbTestHost.u32(image.length));
        start.writeBytes(new byte[4]);
        start.write(image, 0, FirmwareImageFormat.HEADER_SIZE);
        return start.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    int[] activeVersion() { return new int[] {host.readByte(39), host.readByte(40)}; }

    int[] inactiveVersion() {
        host.select(0x01, 0);
        return new int[] {host.readByte(128), host.readByte(129)};
    }

    @Test
    void aCommandThatFailsInsideTheEmulatorEndsWithStatus40hAndCdbServesTheNext() {
        // an inactive image whose version no reply can carry: GetFirmwareInfo cannot be answered
        module.images().storeInactive(new FirmwareImages.Image(300, 0, 1, true));
        assertEquals(0x40, cdb.run(0x0100));
        assertEquals(0x01, cdb.run(0x0000), "CDB is not left busy");
    }

    @Test
    void advertisementOnPage01MatchesTheEngine() {
        host.select(0x01, 0);
        assertEquals(0x67, host.readByte(163), "1 instance, background mode, EPL A0h-AFh");
        assertEquals(15, host.readByte(164), "128-byte CDB page access");
        assertEquals(0, host.readByte(165) & 0x80, "triggered by writing byte 129");
    }

    @Test
    void queryStatusRepliesWithExactLengthNonZeroBytesAndLatchesCompletion() {
        clearAllFlags();
        byte[] r = cdb.runAndReply(0x0000, 2, (byte) 0, (byte) 0);
        assertNotEquals(0, r[0]);
        assertNotEquals(0, r[1]);
        assertNotEquals(0, cdb.replyCheck());
        assertEquals(Codecs.onesComplementChecksum(r, 0, r.length), cdb.replyCheck());
        assertFalse(cage.readPin(Pin.INT_L), "completion flag raises IntL");
        assertEquals(0x40, host.readByte(8) & 0x40, "CdbCmdCompleteFlag1 latched");
        assertEquals(0, host.readByte(8) & 0x40, "and cleared by reading");
    }

    @Test
    void statusGoesThroughTheBusyCodesBeforeTheResult() {
        cdb.send(0x0040, new byte[0], new byte[0], false);
        assertEquals(0x81, host.readByte(37), "captured");
        clock.advance(Duration.ofNanos(CdbTimes.CAPTURE_US * 1000 - 1));
        assertEquals(0x81, host.readByte(37), "captured until the capture time has passed");
        clock.advance(Duration.ofNanos(1));
        assertEquals(0x82, host.readByte(37), "checking");
        clock.advance(Duration.ofNanos(CdbTimes.CHECK_US * 1000));
        assertEquals(0x83, host.readByte(37), "executing");
        assertEquals(0x01, cdb.await());
    }

    @Test
    void featureRepliesHaveTheLengthsKernelsCheck() {
        byte[] f = cdb.runAndReply(0x0040, 36);
        assertEquals(1, f[2] & 1, "0000h supported");
        assertEquals(0x17, f[2] & 0x17, "0000h, 0001h, 0002h, 0004h bits");
        assertEquals(CdbEngine.MAX_COMPLETION_MS, ((f[34] & 0xFF) << 8) | (f[35] & 0xFF));
        byte[] fw = cdb.runAndReply(0x0041, 18);
        assertEquals(64, fw[2] & 0xFF, "StartCmdPayloadSize ≤ 112");
        assertEquals(15, fw[4] & 0xFF);
        assertEquals(0x11, fw[5] & 0xFF, "LPL and EPL writes");
    }

    @Test
    void firmwareInfoAgreesWithThePageVersions() {
        byte[] info = cdb.runAndReply(0x0100, 110);
        assertEquals(0x03, info[0] & 0x0F, "A running and committed");
        assertEquals(0, info[0] & 0x40, "B valid");
        assertArrayEquals(activeVersion(), new int[] {info[2] & 0xFF, info[3] & 0xFF});
        assertArrayEquals(inactiveVersion(), new int[] {info[38] & 0xFF, info[39] & 0xFF});
    }

    @Test
    void aPayloadWithoutItsCommandsLayoutIsAParameterError() {
        assertEquals(0x42, cdb.run(0x0109, (byte) 0, (byte) 0), "Run takes 4 bytes");
        assertEquals(0x42, cdb.run(0x0109, (byte) 0, (byte) 7, (byte) 0, (byte) 0), "Run mode 7 does not exist");
        assertEquals(0x42, cdb.run(0x0104, new byte[5], new byte[8]), "an EPL block's LPL is its 4-byte address");
        assertEquals(0x42, cdb.run(0x0001, (byte) 0, (byte) 0), "a password is 4 bytes");
        assertEquals(0, cdb.replyLength());
    }

    @Test
    void badCheckCodeAndUnknownCommandFailWithTheirCodes() {
        cdb.send(0x0040, new byte[0], new byte[0], true);
        assertEquals(0x45, cdb.await());
        assertEquals(0x41, cdb.run(0x0777));
        assertEquals(0, cdb.replyLength());
    }

    @Test
    void lplUpdateRunAndCommit() {
        byte[] img = image(2, 1, 3000);
        assertEquals(0x01, download(img, false));
        assertArrayEquals(new int[] {2, 1}, inactiveVersion(), "the new image is the inactive one");
        events.clear();
        assertEquals(0x01, cdb.run(0x0109, (byte) 0, (byte) 0, (byte) 0, (byte) 100));
        advance(99);
        assertTrue(host.readRaw(0, 1).get(1).ok(), "still running until DelayToReset");
        advance(2);
        assertTrue(events.stream().anyMatch(e -> e instanceof TargetEvent.Reset r && r.cause().equals("firmware-run")));
        advance(1000);
        int state = host.moduleState();
        assertTrue(state == 1 || state == 3, "back in LowPwr/Ready within 1 s");
        assertArrayEquals(new int[] {2, 1}, activeVersion());
        assertEquals(0x01, cdb.run(0x0100));
        assertEquals(0x12, cdb.reply()[0] & 0x33, "B running, A still committed");
        assertEquals(0x01, cdb.run(0x010A));
        assertEquals(0x01, cdb.run(0x0100));
        assertEquals(0x30, cdb.reply()[0] & 0x33, "B running and committed");
    }

    @Test
    void eplUpdateUsesTwoKibBlocks() {
        byte[] img = image(3, 0, 5000);
        assertEquals(0x01, download(img, true));
        assertArrayEquals(new int[] {3, 0}, inactiveVersion());
    }

    @Test
    void corruptImageIsRefusedAndTheRunningImageStays() {
        byte[] img = image(4, 0, 1000);
        img[500] ^= 1;
        assertEquals(0x60, download(img, false));
        assertArrayEquals(new int[] {0xFF, 0xFF}, inactiveVersion(), "inactive bank invalid");
        assertArrayEquals(new int[] {1, 0}, activeVersion());
        assertEquals(0x60, cdb.run(0x0109, (byte) 0, (byte) 0, (byte) 0, (byte) 0), "nothing valid to run");
    }

    @Test
    void truncatedDownloadIsRefused() {
        byte[] img = image(4, 0, 1000);
        byte[] start = concat(concat(CdbTestHost.u32(img.length), new byte[4]), Arrays.copyOf(img, 64));
        assertEquals(0x01, cdb.run(0x0101, start));
        assertEquals(0x01, cdb.run(0x0103, concat(CdbTestHost.u32(0), Arrays.copyOfRange(img, 64, 180)), new byte[0]));
        assertEquals(0x60, cdb.run(0x0107));
    }

    @Test
    void resetBeforeCommitBootsTheCommittedImage() {
        assertEquals(0x01, download(image(5, 0, 500), false));
        cdb.send(0x0109, new byte[] {0, 0, 0, 0}, new byte[0], false);
        advance(1000);
        assertArrayEquals(new int[] {5, 0}, activeVersion());
        host.write(26, 0x08);
        advance(1000);
        assertArrayEquals(new int[] {1, 0}, activeVersion(), "uncommitted image did not stick");
    }

    @Test
    void powerLossDuringDownloadLeavesABootableImage() {
        byte[] img = image(6, 0, 2000);
        byte[] start = concat(concat(CdbTestHost.u32(img.length), new byte[4]), Arrays.copyOf(img, 64));
        assertEquals(0x01, cdb.run(0x0101, start));
        cage.writePin(Pin.POWER_ENABLE, false);
        advance(10);
        cage.writePin(Pin.POWER_ENABLE, true);
        advance(1000);
        assertArrayEquals(new int[] {1, 0}, activeVersion());
        assertArrayEquals(new int[] {0xFF, 0xFF}, inactiveVersion(), "the half-written bank is not bootable");
    }

    @Test
    void abortWhileBusyReportsAborted() {
        cdb.send(0x0107, new byte[0], new byte[0], false);
        advance(3);
        host.select(0x9F, 0);
        host.write(128, 0x00, 0x04);
        assertEquals(0x03, host.readByte(37) & 0xFF);
    }

    @Test
    void startWithAWrongPayloadSizeIsAParameterError() {
        assertEquals(0x42, cdb.run(0x0101, concat(concat(CdbTestHost.u32(1000), new byte[4]), new byte[10]), new byte[0]));
    }

    @Test
    void blockWithoutStartIsASequenceError() {
        assertEquals(0x61, cdb.run(0x0103, concat(CdbTestHost.u32(0), new byte[16]), new byte[0]));
    }

    @Test
    void injectedCdbFaults() {
        var slow = module.inject(new Fault.CdbWriteFailure());
        assertEquals(0x62, download(image(7, 0, 500), false));
        module.clearFault(slow.id());
        var bad = module.inject(new Fault.CdbCompleteFailure());
        assertEquals(0x60, download(image(7, 0, 500), false));
        module.clearFault(bad.id());
        assertEquals(0x01, download(image(7, 0, 500), false));
        module.inject(new Fault.FirmwareNoReturn());
        cdb.send(0x0109, new byte[] {0, 0, 0, 0}, new byte[0], false);
        advance(5000);
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(0, 1).get(0).status(), "never came back");
        cage.writePin(Pin.RESET_L, false);
        cage.writePin(Pin.RESET_L, true);
        advance(1000);
        assertTrue(host.readRaw(0, 1).get(1).ok(), "ResetL brings it back");
    }

    @Test
    void foregroundModeNacksWhileBusy() {
        module.inject(new Fault.CdbForeground());
        cdb.send(0x0107, new byte[0], new byte[0], false);
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(37, 1).get(0).status());
        advance(200);
        assertEquals(0x61, host.readByte(37), "Complete without Start, visible once the bus is free");
    }

    @Test
    void slowWritesTakeLonger() {
        module.inject(new Fault.CdbSlowWrites(50));
        byte[] img = image(8, 0, 200);
        byte[] start = concat(concat(CdbTestHost.u32(img.length), new byte[4]), Arrays.copyOf(img, 64));
        assertEquals(0x01, cdb.run(0x0101, start));
        cdb.send(0x0103, concat(CdbTestHost.u32(0), Arrays.copyOfRange(img, 64, 180)), new byte[0], false);
        long slowed = (CdbTimes.CAPTURE_US + CdbTimes.CHECK_US + 50 * CdbTimes.WRITE_LPL_US) * 1000;
        clock.advance(Duration.ofNanos(slowed - 1));
        assertEquals(0x83, host.readByte(37), "still executing just before 50 times the block time");
        clock.advance(Duration.ofNanos(1));
        assertEquals(0x01, host.readByte(37), "done at 50 times the block time");
    }
}
