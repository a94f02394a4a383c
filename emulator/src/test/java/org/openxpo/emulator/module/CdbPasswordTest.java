package org.openxpo.emulator.module;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CdbPasswordTest extends ModuleFixture {
    static final long PASSWORD = 0x12345678L;
    CdbTestHost cdb;

    @Override
    ModuleConfig config() { return ModuleConfig.builder().cdbPassword(PASSWORD).build(); }

    @BeforeEach
    void boot() {
        bootToReady();
        cdb = new CdbTestHost(host, clock);
    }

    @Test
    void firmwareCommandsNeedThePassword() {
        assertEquals(0x46, cdb.run(0x0100));
        assertEquals(0x01, cdb.run(0x0040), "non-firmware commands are open");
        assertEquals(0x46, cdb.run(0x0001, CdbTestHost.u32(0x00001011L)), "wrong password");
        assertEquals(0x01, cdb.run(0x0001, CdbTestHost.u32(PASSWORD)));
        assertEquals(0x01, cdb.run(0x0100));
    }

    @Test
    void passwordEntryBytesUnlockLikeTheKernelDoes() {
        host.write(122, 0x12, 0x34, 0x56, 0x78);
        assertEquals(0x01, cdb.run(0x0000, (byte) 0, (byte) 0));
        assertEquals(0x01, cdb.reply()[1], "host password accepted");
        assertEquals(0x01, cdb.run(0x0100));
    }

    @Test
    void changePasswordRejectsBit31() {
        host.write(122, 0x12, 0x34, 0x56, 0x78);
        assertEquals(0x42, cdb.run(0x0002, CdbTestHost.u32(0x80000000L)));
    }
}
