package org.openxpo.driver.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.cdb.FirmwareInfoReply;
import org.openxpo.protocol.cdb.FirmwareManagementFeaturesReply;
import org.openxpo.protocol.cdb.TransferMechanism;

import java.time.Duration;
import java.util.Optional;

/** What the updater reads from 0041h and 0100h replies, decoded by the protocol's records. */
class FirmwareFeaturesTest {

    private static FirmwareFeatures features(int ext, TransferMechanism write, boolean tenMs) {
        byte[] reply = new FirmwareManagementFeaturesReply(false, tenMs, false, false, true, 64, 0xFF, ext, write,
            TransferMechanism.NONE, false, 100, 10, 20, 200, 0).encode();
        return new FirmwareFeatures(FirmwareManagementFeaturesReply.decode(reply));
    }

    @Test
    void lplBlocksFillTheLplWhateverTheAccessLength() {
        // ReadWriteLengthExt bounds each bus access (the access layer cuts the LPL write), not the block
        assertEquals(116, features(0, TransferMechanism.LPL_ONLY, false).lplBlockSize(), "8-byte accesses: LPL less the address");
        assertEquals(116, features(7, TransferMechanism.LPL_ONLY, false).lplBlockSize());
        assertEquals(116, features(15, TransferMechanism.BOTH, false).lplBlockSize());
    }

    @Test
    void mechanismsAndDurationsAsAdvertised() {
        FirmwareFeatures lplOnly = features(15, TransferMechanism.LPL_ONLY, true);
        assertTrue(lplOnly.lplWrites());
        assertFalse(lplOnly.eplWrites());
        assertEquals(Duration.ofMillis(200), lplOnly.maxWrite(), "MaxDurationCoding: units of 10 ms");
        assertEquals(Duration.ofMillis(20), features(15, TransferMechanism.EPL_ONLY, false).maxWrite());
        assertTrue(features(15, TransferMechanism.EPL_ONLY, false).eplWrites());
    }

    @Test
    void firmwareInfoNamesTheRunningCommittedAndInactiveBanks() {
        FirmwareInfoReply reply = new FirmwareInfoReply(new FirmwareInfoReply.BankStatus(false, true, false),
            new FirmwareInfoReply.BankStatus(true, false, false), Optional.of(new FirmwareInfoReply.ImageInfo(1, 0, 7, "a")),
            Optional.of(new FirmwareInfoReply.ImageInfo(2, 1, 9, "b")), Optional.empty());
        FirmwareInfo info = FirmwareInfo.of(FirmwareInfoReply.decode(reply.encode()));
        assertEquals("2.1", info.running().version());
        assertEquals("B", info.running().name());
        assertEquals("A", info.committed().name());
        assertEquals("1.0", info.inactive().version());
        assertTrue(info.inactive().valid());
        assertEquals("b", info.b().extra());
    }
}
