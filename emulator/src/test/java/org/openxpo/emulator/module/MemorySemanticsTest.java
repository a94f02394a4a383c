package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.units.Codecs;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MemorySemanticsTest extends ModuleFixture {

    @Test
    void lowerPageIdentifiesACmis53PagedModule() {
        bootToReady();
        assertEquals(0x19, host.readByte(0));
        assertEquals(0x53, host.readByte(1));
        assertEquals(0, host.readByte(2) & 0x80, "paged memory");
        host.select(0, 0);
        assertEquals(0x19, host.readByte(128), "identifier copy at 00h:128");
        assertEquals("OPENXPO", new String(host.read(129, 16)).trim());
        assertEquals(3, host.get(AdminPages.BANKS_SUPPORTED), "8 banks");
    }

    @Test
    void pageChecksumsMatchTheContent() {
        bootToReady();
        host.select(0x00, 0);
        byte[] p0 = new byte[256];
        System.arraycopy(host.read(128, 128), 0, p0, 128, 128);
        assertEquals(Codecs.byteSum(p0, 128, 222), p0[222] & 0xFF);
        for (int page : new int[] {0x01, 0x02, 0xB1}) {
            host.select(page, 0);
            byte[] p = new byte[256];
            System.arraycopy(host.read(128, 128), 0, p, 128, 128);
            int from = page == 0x01 ? 130 : 128;
            assertEquals(Codecs.byteSum(p, from, 255), p[255] & 0xFF, String.format("page %02Xh", page));
        }
    }

    @Test
    void twoByteWriteSelectsBankAndPage() {
        bootToReady();
        host.select(0x11, 5);
        assertArrayEquals(new byte[] {5, 0x11}, host.read(126, 2));
        // bank 5 carries lanes 41..48: their data-path state bytes are readable there
        assertEquals(4, host.readByte(128) & 0xF, "DPActivated");
    }

    @Test
    void separateBankThenPageWritesApplyThePendingBank() {
        bootToReady();
        host.write(126, 3);
        assertEquals(0, module.memory().selectedBank(), "bank not applied before PageSelect");
        host.write(127, 0x10);
        assertEquals(3, module.memory().selectedBank());
        assertEquals(0x10, module.memory().selectedPage());
    }

    @Test
    void unsupportedPageRevertsToPage00() {
        bootToReady();
        host.write(127, 0x05);
        assertEquals(0, host.readByte(127), "unsupported page reads back 0");
        assertEquals(0x19, host.readByte(128), "page 00h shown");
    }

    @Test
    void unsupportedBankOfABankedPageRevertsToBank0() {
        bootToReady();
        host.write(126, 9, 0x11);
        assertArrayEquals(new byte[] {0, 0x11}, host.read(126, 2));
        host.write(126, 1, 0x9F);
        assertEquals(0, host.readByte(126), "one CDB instance: bank 0 only");
    }

    @Test
    void bankIsIgnoredForUnbankedPages() {
        bootToReady();
        host.write(126, 4, 0x01);
        assertEquals(4, host.readByte(126), "BankSelect keeps what was written");
        assertEquals(0, module.memory().selectedBank());
        assertEquals(0x01, host.readByte(127));
    }

    @Test
    void writesToReadOnlyBytesAreIgnored() {
        bootToReady();
        assertEquals(I2cResult.Status.ACK, host.write(0, 0x55).status());
        assertEquals(0x19, host.readByte(0));
        host.select(0x00, 0);
        host.write(129, 'Z');
        assertEquals('O', host.readByte(129));
    }

    @Test
    void reservedBytesReadZeroAndIgnoreWrites() {
        bootToReady();
        host.write(12, 0xFF);
        assertEquals(0, host.readByte(12));
    }

    @Test
    void writeOnlyBytesReadZero() {
        bootToReady();
        host.write(122, 0x12, 0x34, 0x56, 0x78);
        // the firmware still sees what was written: CdbPasswordTest unlocks CDB through these bytes
        assertArrayEquals(new byte[4], host.read(122, 4));
    }

    @Test
    void latchedFlagsClearOnRead() {
        bootToReady();
        int first = host.readByte(8);
        assertEquals(1, first & 1, "ModuleStateChangedFlag latched by the boot");
        assertEquals(0, host.readByte(8) & 1, "cleared by the first read");
    }

    @Test
    void generalWriteLimitIsEightBytes() {
        bootToReady();
        host.select(0x10, 0);
        I2cResult r = host.write(213, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(I2cResult.Status.DATA_NACK, r.status());
        assertEquals(9, r.nackIndex(), "the ninth data byte is refused");
        assertArrayEquals(new byte[9], host.read(213, 9), "a refused write changes nothing");
        assertEquals(I2cResult.Status.ACK, host.write(213, 1, 2, 3, 4, 5, 6, 7, 8).status());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, host.read(213, 8));
    }

    @Test
    void cdbPagesAcceptWritesUpToTheAdvertisedLength() {
        bootToReady();
        host.select(0x9F, 0);
        int[] data = new int[120];
        for (int i = 0; i < data.length; i++) data[i] = i;
        assertEquals(I2cResult.Status.ACK, host.write(136, data).status());
        assertEquals(119, host.readByte(255));
    }

    @Test
    void otherAddressesNack() {
        bootToReady();
        List<I2cResult> r = cage.i2c(List.of(I2cMessage.write(0x51, (byte) 0), I2cMessage.read(0x51, 1)));
        assertEquals(I2cResult.Status.ADDRESS_NACK, r.get(0).status());
        assertEquals(I2cResult.Status.SKIPPED, r.get(1).status());
    }

    @Test
    void emptyCageAnswersNoModule() {
        bootToReady();
        cage.unplug();
        List<I2cResult> r = host.readRaw(0, 1);
        assertEquals(I2cResult.Status.NO_MODULE, r.get(0).status());
        assertEquals(I2cResult.Status.SKIPPED, r.get(1).status());
    }

    @Test
    void sequentialReadRunsFromLowerIntoUpperPageAndWrapsAt255() {
        bootToReady();
        host.select(0x00, 0);
        byte[] r = host.read(126, 3);
        assertEquals(0x19, r[2], "byte 128 follows 127");
        byte[] wrap = host.read(255, 2);
        assertEquals(0x19, wrap[1], "255 wraps to 128 of the same page");
    }

    @Test
    void moduleNacksDuringMgmtInitAndAnswersAfter() {
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(3, 1).get(0).status());
        advance(299);
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(3, 1).get(0).status());
        advance(2);
        assertTrue(host.readRaw(3, 1).get(1).ok());
    }

    @Test
    void optionalWriteBusyWindowNacksThenRecovers() {
        stop();
        chassis = new org.openxpo.emulator.EmulatedChassis(1, clock, i -> ModuleConfig.builder().timing(
            new ModuleConfig.Timing(java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(400),
                java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(40),
                java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(8), java.time.Duration.ofMillis(5),
                java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(10))).build());
        cage = chassis.cage(1);
        host = new TestHost(cage);
        bootToReady();
        assertEquals(I2cResult.Status.ACK, host.write(31, 0x01).status());
        assertEquals(I2cResult.Status.ADDRESS_NACK, host.readRaw(31, 1).get(0).status(), "busy after a write");
        advance(10);
        assertEquals(0x01, host.readByte(31));
    }
}
