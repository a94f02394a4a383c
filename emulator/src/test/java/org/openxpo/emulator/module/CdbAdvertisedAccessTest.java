package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.TransferMechanism;
import org.openxpo.protocol.connector.I2cResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Modules configured to advertise less than the profile's defaults: short CDB writes, LPL-only or EPL-only firmware writes. */
class CdbAdvertisedAccessTest {

    @Nested
    class EightByteCdbAccess extends ModuleFixture {
        @Override
        ModuleConfig config() { return ModuleConfig.builder().cdbReadWriteLengthExt(0).build(); }

        @BeforeEach
        void boot() { bootToReady(); }

        @Test
        void page01hAndThe0041hReplyAdvertiseExtZero() {
            host.select(0x01, 0);
            assertEquals(0, host.readByte(164), "01h:164 CdbReadWriteLengthExt");
            byte[] fw = new CdbTestHost(host, clock).runAndReply(0x0041, 18);
            assertEquals(0, fw[4], "0041h ReadWriteLengthExt");
        }

        @Test
        void cdbPageWritesLongerThanEightBytesAreRefusedAndWriteNothing() {
            host.select(0x9F, 0);
            I2cResult nine = host.write(136, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertEquals(I2cResult.Status.DATA_NACK, nine.status(), "9 bytes on 9Fh with ext 0");
            assertArrayEquals(new byte[9], host.read(136, 9));
            assertEquals(I2cResult.Status.ACK, host.write(136, 1, 2, 3, 4, 5, 6, 7, 8).status());
            host.select(0xA0, 0);
            assertEquals(I2cResult.Status.DATA_NACK, host.write(128, new int[16]).status(), "16 bytes on an EPL page");
        }
    }

    @Nested
    class LplOnly extends ModuleFixture {
        @Override
        ModuleConfig config() { return ModuleConfig.builder().cdbWriteMechanism(TransferMechanism.LPL_ONLY).build(); }

        @BeforeEach
        void boot() { bootToReady(); }

        @Test
        void advertisesNoEplPagesAndTheEplPagesAreUnsupported() {
            host.select(0x01, 0);
            assertEquals(0x60, host.readByte(163), "1 instance, background mode, no EPL pages");
            assertEquals(0x01, new CdbTestHost(host, clock).runAndReply(0x0041, 18)[5], "0041h: LPL only");
            assertEquals(I2cResult.Status.ACK, host.write(126, 0, 0xA0).status());
            assertEquals(0, host.readByte(127), "selecting A0h reverts to page 00h, like any unsupported page");
        }

        @Test
        void eplBlockWritesAreRefusedAsUnknown() {
            CdbTestHost cdb = new CdbTestHost(host, clock);
            assertEquals(0x01, cdb.run(0x0101, CdbEngineTest.startPayload(CdbEngineTest.image(2, 0, 4096))));
            assertEquals(0x41, cdb.run(0x0104, CdbTestHost.u32(0)), "0104h on a module without EPL");
        }
    }

    @Nested
    class EplOnly extends ModuleFixture {
        @Override
        ModuleConfig config() { return ModuleConfig.builder().cdbWriteMechanism(TransferMechanism.EPL_ONLY).build(); }

        @BeforeEach
        void boot() { bootToReady(); }

        @Test
        void lplBlockWritesAreRefusedAsUnknown() {
            CdbTestHost cdb = new CdbTestHost(host, clock);
            assertEquals(0x10, cdb.runAndReply(0x0041, 18)[5], "0041h: EPL only");
            assertEquals(0x01, cdb.run(0x0101, CdbEngineTest.startPayload(CdbEngineTest.image(2, 0, 4096))));
            assertEquals(0x41, cdb.run(0x0103, CdbTestHost.u32(0), new byte[0]), "0103h on a module without LPL writes");
        }
    }
}
