package org.openxpo.protocol.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.units.Codecs;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Every CDB payload and reply record: a round trip through its bytes, its layout, and a clear error for bad bytes. */
class CdbMessagesTest {

    private static void assertMalformed(String expectedText, Runnable decode) {
        CdbFormatException e = assertThrows(CdbFormatException.class, decode::run);
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    }

    @Test
    void noPayload() {
        assertEquals(0, NoPayload.INSTANCE.encode().length);
        assertEquals(NoPayload.INSTANCE, NoPayload.decode(new byte[0]));
        assertMalformed("is 0 bytes, not 1", () -> NoPayload.decode(new byte[1]));
    }

    @Test
    void queryStatusPayloadAndReply() {
        QueryStatusPayload p = new QueryStatusPayload(300);
        assertArrayEquals(new byte[] {0x01, 0x2C}, p.encode());
        assertEquals(p, QueryStatusPayload.decode(p.encode()));
        assertMalformed("is 2 bytes", () -> QueryStatusPayload.decode(new byte[1]));

        QueryStatusReply r = QueryStatusReply.hostPassword(true);
        assertArrayEquals(new byte[] {1, 1}, r.encode(), "both bytes non-zero, as the kernel requires");
        assertEquals(r, QueryStatusReply.decode(r.encode()));
        assertTrue(QueryStatusReply.decode(new byte[] {1, (byte) 0x80}).modulePasswordAccepted());
        assertFalse(QueryStatusReply.hostPassword(false).hostPasswordAccepted());
        assertMalformed("is 2 bytes", () -> QueryStatusReply.decode(new byte[] {1}));
        assertMalformed("status length 0", () -> QueryStatusReply.decode(new byte[] {0, 1}));
    }

    @Test
    void passwordPayload() {
        PasswordPayload p = new PasswordPayload(PasswordPayload.DEFAULT_HOST_PASSWORD);
        assertArrayEquals(new byte[] {0, 0, 0x10, 0x11}, p.encode());
        assertEquals(p, PasswordPayload.decode(p.encode()));
        assertTrue(p.settableByHost());
        assertFalse(PasswordPayload.decode(new byte[] {(byte) 0x80, 0, 0, 1}).settableByHost());
        assertMalformed("is 4 bytes, not 3", () -> PasswordPayload.decode(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPayload(-1));
    }

    @Test
    void moduleFeaturesReply() {
        ModuleFeaturesReply r = new ModuleFeaturesReply(Set.of(0x00, 0x01, 0x40, 0x41), 5000);
        byte[] b = r.encode();
        assertEquals(36, b.length);
        assertEquals(0x03, b[2], "0000h and 0001h: byte 138 bits 0 and 1");
        assertEquals(0x03, b[2 + 8], "0040h and 0041h: byte 146");
        assertEquals(5000, ((b[34] & 0xFF) << 8) | (b[35] & 0xFF), "MaxCompletionTime at 170-171");
        assertEquals(r, ModuleFeaturesReply.decode(b));
        assertTrue(r.supports(0x41));
        assertMalformed("is 36 bytes, not 35", () -> ModuleFeaturesReply.decode(Arrays.copyOf(b, 35)));
        assertThrows(IllegalArgumentException.class, () -> new ModuleFeaturesReply(Set.of(0x100), 1));
    }

    @Test
    void aReplyWhoseBytesWouldSumToACheckCodeOfZeroFlipsAReservedBit() {
        // Bytes summing to 0xFF give RPLChkCode 0, which the kernel rejects: the reserved byte 136 takes bit 7.
        ModuleFeaturesReply r = new ModuleFeaturesReply(Set.of(), 0xFF);
        byte[] b = r.encode();
        assertNotEquals(0, Codecs.onesComplementChecksum(b, 0, b.length));
        assertEquals((byte) 0x80, b[0]);
        assertEquals(r, ModuleFeaturesReply.decode(b), "decoders ignore the reserved bit");
    }

    @Test
    void firmwareManagementFeaturesReply() {
        FirmwareManagementFeaturesReply r = new FirmwareManagementFeaturesReply(false, true, false, false, true, 64, 0xFF,
            15, TransferMechanism.BOTH, TransferMechanism.NONE, false, 100, 10, 20, 200, 0);
        byte[] b = r.encode();
        assertEquals(18, b.length);
        assertEquals(0x09, b[1], "137: MaxDurationCoding and Abort supported");
        assertEquals(64, b[2], "138 StartCmdPayloadSize");
        assertEquals((byte) 0xFF, b[3], "139 ErasedByte");
        assertEquals(15, b[4], "140 ReadWriteLengthExt");
        assertEquals(0x11, b[5], "141 WriteMechanism: both");
        assertEquals(20, b[13], "148-149 MaxDurationWrite");
        assertEquals(r, FirmwareManagementFeaturesReply.decode(b));
        assertEquals(Duration.ofMillis(200), r.maxWrite(), "durations in 10 ms");
        assertEquals(Duration.ofSeconds(2), r.maxComplete());
        assertTrue(r.writeMechanism().lpl() && r.writeMechanism().epl());
        assertMalformed("is 18 bytes, not 17", () -> FirmwareManagementFeaturesReply.decode(Arrays.copyOf(b, 17)));
        byte[] bad = b.clone();
        bad[5] = 0x02;
        assertMalformed("transfer mechanism 02h", () -> FirmwareManagementFeaturesReply.decode(bad));
    }

    @Test
    void firmwareInfoReply() {
        FirmwareInfoReply r = new FirmwareInfoReply(new FirmwareInfoReply.BankStatus(true, true, false),
            new FirmwareInfoReply.BankStatus(false, false, true), Optional.of(new FirmwareInfoReply.ImageInfo(1, 2, 300, "image A")),
            Optional.of(new FirmwareInfoReply.ImageInfo(0, 0, 0, "")), Optional.empty());
        byte[] b = r.encode();
        assertEquals(110, b.length);
        assertEquals(0x43, b[0], "A running+committed, B invalid");
        assertEquals(0x03, b[1], "info for A and B");
        assertEquals(1, b[2]);
        assertEquals(2, b[3]);
        assertEquals(300, ((b[4] & 0xFF) << 8) | (b[5] & 0xFF));
        assertEquals('i', b[6], "extra information at 142");
        assertEquals(r, FirmwareInfoReply.decode(b));
        assertEquals("1.2", r.imageA().orElseThrow().version());
        assertMalformed("is 110 bytes, not 42", () -> FirmwareInfoReply.decode(new byte[42]));
        assertThrows(IllegalArgumentException.class, () -> new FirmwareInfoReply.ImageInfo(1, 0, 0, "x".repeat(33)));
    }

    @Test
    void startDownloadPayload() {
        byte[] header = new byte[64];
        Arrays.fill(header, (byte) 7);
        StartDownloadPayload p = new StartDownloadPayload(100_000, header);
        byte[] b = p.encode();
        assertEquals(72, b.length);
        assertEquals(100_000, (int) CdbBytes.u32(b, 0), "ImageSize at 136-139");
        assertEquals(7, b[8], "vendor data from 144");
        assertEquals(p, StartDownloadPayload.decode(b));
        assertArrayEquals(header, StartDownloadPayload.decode(b).vendorData());
        assertEquals(112, StartDownloadPayload.MAX_VENDOR_DATA);
        assertMalformed("at least 8 bytes, got 7", () -> StartDownloadPayload.decode(new byte[7]));
        assertMalformed("at most 120 bytes", () -> StartDownloadPayload.decode(new byte[121]));
    }

    @Test
    void writeBlockPayloads() {
        WriteBlockLplPayload lpl = new WriteBlockLplPayload(0x1234, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {0, 0, 0x12, 0x34, 1, 2, 3}, lpl.encode());
        assertEquals(lpl, WriteBlockLplPayload.decode(lpl.encode()));
        assertMalformed("at least 4 bytes, got 3", () -> WriteBlockLplPayload.decode(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> new WriteBlockLplPayload(0, new byte[117]));
        assertEquals(116, WriteBlockLplPayload.MAX_DATA);

        WriteBlockEplPayload epl = new WriteBlockEplPayload(2048);
        assertArrayEquals(new byte[] {0, 0, 8, 0}, epl.encode());
        assertEquals(epl, WriteBlockEplPayload.decode(epl.encode()));
        assertEquals(2048, WriteBlockEplPayload.MAX_DATA);
        assertMalformed("is 4 bytes, not 5", () -> WriteBlockEplPayload.decode(new byte[5]));
    }

    @Test
    void runImagePayload() {
        RunImagePayload p = new RunImagePayload(RunImagePayload.Mode.HITLESS_TO_INACTIVE, 512);
        assertArrayEquals(new byte[] {0, 1, 2, 0}, p.encode());
        assertEquals(p, RunImagePayload.decode(p.encode()));
        assertTrue(p.mode().toInactive() && p.mode().hitless());
        assertFalse(RunImagePayload.Mode.RESET_TO_RUNNING.toInactive());
        assertMalformed("mode 4 is not 0-3", () -> RunImagePayload.decode(new byte[] {0, 4, 0, 0}));
        assertMalformed("is 4 bytes, not 2", () -> RunImagePayload.decode(new byte[2]));
    }

    @Test
    void requestPageAndReplyPlacement() {
        byte[] lpl = new RunImagePayload(RunImagePayload.Mode.RESET_TO_INACTIVE, 100).encode();
        byte[] page = CdbPage.request(CdbCommand.RUN_IMAGE.id(), lpl, 0);
        assertArrayEquals(lpl, CdbPage.localPayload(page));
        byte[] reply = QueryStatusReply.hostPassword(true).encode();
        CdbPage.putReply(page, reply);
        assertEquals(2, page[CdbPage.REPLY_LENGTH]);
        assertEquals(CdbPage.replyCheckCode(reply), page[CdbPage.REPLY_CHECK_CODE] & 0xFF);
        page[CdbPage.LPL_LENGTH] = (byte) 121;
        assertMalformed("LPLLength 121", () -> CdbPage.localPayload(page));
    }
}
