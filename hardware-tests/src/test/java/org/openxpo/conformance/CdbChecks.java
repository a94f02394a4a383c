package org.openxpo.conformance;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openxpo.conformance.support.Settings;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.firmware.CdbClient;
import org.openxpo.driver.firmware.FirmwareFeatures;
import org.openxpo.driver.firmware.FirmwareInfo;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.openxpo.protocol.cdb.ModuleFeaturesReply;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.CdbStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * CDB as the Linux kernel, SONiC and FBOSS use it (cmis-digest §5): query status, the feature replies (0040h, 0041h)
 * with their exact lengths and check codes, firmware info (0100h) consistent with 00h:39–40 and 01h:128–129, the
 * status codes of refused commands, the completion flag, and a whole firmware update. Checks tagged
 * {@code writes-flash} download firmware: on a real module only with {@code -Dxpo.pi4j.flash=FILE}.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TargetConditions.CDB_ACCESS)
abstract class CdbChecks extends Checks {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private CdbClient cdb() { return new CdbClient(host.access()); }

    /** A firmware updater, with the host password entered first when the module wants one (xpo.cdb.password). */
    private FirmwareUpdater updater() {
        FirmwareUpdater u = new FirmwareUpdater(host.access());
        Long password = Settings.cdbPassword();
        if (password != null) u.enterPassword(password);
        return u;
    }

    private static FirmwareUpdater.UpdateOptions options() {
        return FirmwareUpdater.UpdateOptions.DEFAULT.withPassword(Settings.cdbPassword());
    }

    @Test @Order(1)
    void queryStatusSucceedsWithATwoByteReply() {
        CdbClient.Reply r = cdb().call(CdbCommand.QUERY_STATUS, new byte[] {0, 0}, TIMEOUT);
        assertEquals(CdbStatus.SUCCESS.code(), r.status(), "0000h status " + CdbStatus.describe(r.status()));
        assertEquals(2, r.payload().length, "0000h replies 2 bytes");
        assertEquals(CdbStatus.SUCCESS.code(), host.u8(Pages.LOWER_MEMORY, 0, 37), "00h:37 CdbStatus1 must show 01h (success)");
    }

    @Test @Order(2)
    void moduleFeaturesListTheCommandsAndAMaxCompletionTime() {
        CdbClient.Reply r = cdb().call(CdbCommand.MODULE_FEATURES, new byte[0], TIMEOUT);
        assertEquals(CdbStatus.SUCCESS.code(), r.status(), "0040h status " + CdbStatus.describe(r.status()));
        assertEquals(ModuleFeaturesReply.LENGTH, r.payload().length, "0040h replies exactly 36 bytes (current kernels check the length)");
        ModuleFeaturesReply features = ModuleFeaturesReply.decode(r.payload());
        for (CdbCommand cmd : List.of(CdbCommand.QUERY_STATUS, CdbCommand.MODULE_FEATURES, CdbCommand.FW_MANAGEMENT_FEATURES)) {
            assertTrue(features.supports(cmd.id()), String.format("0040h must list command %04Xh", cmd.id()));
        }
        assertTrue(features.maxCompletionTimeMs() > 0,
            "0040h MaxCompletionTime (bytes 170-171) must be set: the kernel uses it as timeout");
    }

    @Test @Order(3)
    void firmwareManagementFeaturesDescribeTheDownload() {
        FirmwareFeatures f = updater().features();
        assertTrue(f.startPayloadSize() > 0 && f.startPayloadSize() <= 112, "0041h StartCmdPayloadSize "
            + f.startPayloadSize() + ": the kernel refuses more than 112");
        assertTrue(f.lplWrites() || f.eplWrites(), "0041h must offer LPL or EPL writes");
        assertTrue(f.abortSupported(), "0041h: Abort Download (0102h) supported, as the profile advertises");
        assertEquals(host.get(AdminPages.CDB_READ_WRITE_LENGTH_EXT), f.readWriteLengthExt(), "0041h ReadWriteLengthExt must match 01h:164");
        for (Duration d : List.of(f.maxStart(), f.maxWrite(), f.maxComplete())) {
            assertTrue(d.toMillis() > 0, "0041h durations must be set: " + f);
        }
    }

    @Test @Order(4)
    void firmwareInfoAgreesWithTheVersionRegisters() {
        FirmwareInfo info = updater().info();
        assertTrue(info.a().running() ^ info.b().running(), "exactly one bank runs: " + info);
        FirmwareInfo.Bank run = info.running(), other = info.inactive();
        assertTrue(run.valid(), "the running bank must be valid: " + info);
        assertEquals(host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR), run.major(), "00h:39 vs 0100h running major");
        assertEquals(host.get(LowerPage.ACTIVE_FIRMWARE_MINOR), run.minor(), "00h:40 vs 0100h running minor");
        long im = host.get(AdminPages.INACTIVE_FIRMWARE_MAJOR), in = host.get(AdminPages.INACTIVE_FIRMWARE_MINOR);
        if (other.valid()) {
            assertEquals(other.major(), im, "01h:128 vs 0100h inactive major");
            assertEquals(other.minor(), in, "01h:129 vs 0100h inactive minor");
        } else {
            assertTrue(im == 0xFF && in == 0xFF, "an invalid inactive bank reads FF.FF in 01h:128-129, not " + im + "." + in);
        }
        assertTrue(info.a().committed() ^ info.b().committed(), "exactly one bank is committed: " + info);
    }

    @Test @Order(5)
    void unknownCommandIsRefusedWithStatus41h() {
        CdbClient.Reply r = cdb().call(0x00F0, new byte[0], new byte[0], TIMEOUT);
        assertEquals(0x41, r.status(), "unknown command 00F0h: " + CdbStatus.describe(r.status()));
        assertTrue(CdbStatus.isFailed(host.u8(Pages.LOWER_MEMORY, 0, 37)), "00h:37 must show a failure");
    }

    @Test @Order(6)
    void wrongCheckCodeIsRefusedWithStatus45h() {
        // Query Status with a deliberately wrong CdbChkCode (correct one XOR 0xFF)
        byte[] page = new byte[256];
        page[132] = 2;
        int good = CdbCommand.checkCode(page, 2);
        host.write(Pages.CDB, 0, 130, 0, 0, 2, good ^ 0xFF, 0, 0, 0, 0);
        host.write(Pages.CDB, 0, 128, 0, 0);
        int s = host.await("CdbStatus1 to leave the busy codes", TIMEOUT, () -> host.u8(Pages.LOWER_MEMORY, 0, 37),
            x -> !CdbStatus.isBusy(x), x -> String.format("0x%02X", x));
        assertEquals(0x45, s, "a wrong check code: " + CdbStatus.describe(s));
    }

    @Test @Order(7)
    void commandCompletionLatchesCdbCmdCompleteFlag1() {
        host.clearFlags();
        assertEquals(CdbStatus.SUCCESS.code(), cdb().call(CdbCommand.QUERY_STATUS, new byte[] {0, 0}, TIMEOUT).status());
        assertEquals(1, host.get(LowerPage.CDB_CMD_COMPLETE_FLAG1), "00h:8.6 must latch when a command completes");
        assertEquals(0, host.get(LowerPage.CDB_CMD_COMPLETE_FLAG1), "and clear when read");
    }

    @Test @Order(8)
    void cdbPageWritesAreTakenUpToTheAdvertisedLengthAndRefusedBeyond() {
        int limit = ManagementInterface.cdbWriteLimit((int) host.get(AdminPages.CDB_READ_WRITE_LENGTH_EXT));
        int n = Math.min(limit, CdbPage.MAX_LPL);   // within the LPL: no byte of the header, no trigger
        byte[] data = new byte[n + 2];
        data[0] = (byte) CdbPage.LPL;
        for (int i = 1; i < data.length; i++) data[i] = (byte) (0x30 + i);
        host.read(CdbPage.PAGE, 0, CdbPage.LPL, 1);   // 9Fh selected through the access layer
        if (limit < CdbPage.MAX_LPL) {   // else nothing longer fits the LPL: only the accepted write is checked
            List<I2cResult> over = t.transport().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, Arrays.copyOf(data, n + 2))));
            assertFalse(over.getFirst().ok(), "a write of " + (n + 1) + " bytes on 9Fh must be refused: 01h:164 "
                + "advertises " + limit);
        }
        List<I2cResult> ok = t.transport().i2c(List.of(I2cMessage.write(ManagementInterface.I2C_ADDRESS, Arrays.copyOf(data, n + 1))));
        assertTrue(ok.getFirst().ok(), "a write of " + n + " bytes on 9Fh must be taken: 01h:164 advertises " + limit);
        assertArrayEquals(Arrays.copyOfRange(data, 1, n + 1), host.read(CdbPage.PAGE, 0, CdbPage.LPL, n));
    }

    // ------------------------------------------------------------------ firmware download (writes flash)

    /** The image to flash: on a real module the file the user named; on the emulator a generated one. */
    private byte[] image(int minorBump) throws IOException {
        if (!t.emulated()) return Files.readAllBytes(Path.of(Settings.pi4jFlash()));
        int major = (int) host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR), minor = (int) host.get(LowerPage.ACTIVE_FIRMWARE_MINOR);
        int newMinor = (minor + minorBump) % 255;
        return FirmwareImageFormat.pack(major, newMinor, 7, FirmwareImageFormat.samplePayload(24 * 1024, 42 + minorBump));
    }

    @Test @Order(10) @Tag(TargetConditions.WRITES_FLASH)
    void firmwareUpdateRunsAndCommitsTheNewImage() throws IOException {
        byte[] img = image(1);
        FirmwareImageFormat.Header h = FirmwareImageFormat.header(img);
        String before = host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR) + "." + host.get(LowerPage.ACTIVE_FIRMWARE_MINOR);
        List<FirmwareUpdater.Progress> progress = new ArrayList<>();
        FirmwareInfo info = updater().update(img, options(), progress::add);
        host.access().invalidate();
        if (h != null) assertEquals(h.version(), info.running().version(), "the module must run the new image");
        assertTrue(info.running().committed(), "the new image must be committed: " + info);
        assertEquals(info.running().major(), host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR), "00h:39 after the update");
        assertEquals(info.running().minor(), host.get(LowerPage.ACTIVE_FIRMWARE_MINOR), "00h:40 after the update");
        assertEquals(before, host.get(AdminPages.INACTIVE_FIRMWARE_MAJOR) + "." + host.get(AdminPages.INACTIVE_FIRMWARE_MINOR),
            "01h:128-129 must show the previous image, now inactive");
        assertTrue(progress.stream().anyMatch(p -> p.phase().equals("write")), "progress reported per block");
        host.resetToReady();
        assertEquals(info.running().version(), updater().info().running().version(), "a committed image survives a reset");
    }

    @Test @Order(11) @Tag(TargetConditions.WRITES_FLASH)
    void uncommittedImageIsLeftOnTheNextReset() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(t.emulated(), "needs a second image to run uncommitted; on "
            + "hardware only the one image named by xpo.pi4j.flash is flashed");
        String committed = updater().info().running().version();
        byte[] img = image(2);
        FirmwareInfo info = updater().update(img, options().withCommit(false), p -> {});
        host.access().invalidate();
        assertFalse(info.running().committed(), "run without commit: the running image is not committed: " + info);
        host.resetToReady();
        assertEquals(committed, updater().info().running().version(), "a reset must boot the committed image again");
    }

    @Test @Order(12) @Tag(TargetConditions.WRITES_FLASH)
    void corruptImageIsRefusedAndTheRunningImageStays() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(t.emulated(), "on a real module this would erase the inactive "
            + "(fallback) image for nothing: emulator only");
        byte[] img = image(3);
        img[img.length - 100] ^= 0x5A;  // one flipped payload byte: the digest no longer matches
        String running = updater().info().running().version();
        XpoException e = assertThrows(XpoException.class,
            () -> updater().update(img, options(), p -> {}), "a corrupt image must be refused");
        host.access().invalidate();
        assertTrue(e.getMessage().contains("0107h") || e.getMessage().contains("complete"),
            "the refusal must come at Complete Download (0107h): " + e.getMessage());
        FirmwareInfo info = updater().info();
        assertEquals(running, info.running().version(), "the running image must be untouched");
        assertFalse(info.inactive().valid(), "the inactive bank must stay invalid after a refused image: " + info);
    }
}
