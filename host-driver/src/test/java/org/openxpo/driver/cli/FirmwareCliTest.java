package org.openxpo.driver.cli;

import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.module.EmulatedModule;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FirmwareCliTest {
    EmulatedModule module;
    @TempDir Path dir;

    @BeforeEach
    void start() { module = EmulatedModule.ready(); }

    @AfterEach
    void stop() { module.close(); }

    CliRun fw(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "--target";
        full[1] = "embedded";
        full[2] = "fw";
        System.arraycopy(args, 0, full, 3, args.length);
        return CliRun.run(t -> module.transport, full);
    }

    Path pack(String version, int size) {
        Path file = dir.resolve("fw-" + version + ".bin");
        CliRun r = CliRun.run("fw", "pack", "--version", version, "--size", Integer.toString(size), "-o", file.toString());
        assertEquals(0, r.code(), r::toString);
        return file;
    }

    @Test
    void packWritesAValidImage() throws Exception {
        Path file = pack("2.1", 10_000);
        FirmwareImageFormat.Header h = FirmwareImageFormat.validate(Files.readAllBytes(file));
        assertEquals("2.1", h.version());
        assertEquals(10_000, h.payloadLength());
    }

    @Test
    void updateCommitsAndInfoJsonShowsTheNewVersion() {
        CliRun up = fw("update", pack("2.1", 20_000).toString());
        assertEquals(0, up.code(), up::toString);
        assertTrue(up.out().contains("updated to 2.1"), up.out());
        assertTrue(up.err().lines().filter(l -> l.matches("write +\\d+% \\(\\d+/\\d+ bytes\\)  [\\d.]+ KiB/s  ETA \\d+:\\d\\d"))
            .count() >= 5, "progress lines with rate and ETA on stderr when not a terminal: " + up.err());
        assertEquals(1, up.out().lines().count(), "stdout holds only the result: " + up.out());
        CliRun info = fw("info", "--json");
        assertEquals(0, info.code(), info::toString);
        assertTrue(info.out().contains("\"running\" : \"2.1\""), info.out());
        assertTrue(info.out().contains("\"committed\" : \"2.1\""), info.out());
    }

    @Test
    void noCommitThenCommit() {
        assertEquals(0, fw("update", "--no-commit", "--lpl", pack("3.0", 3_000).toString()).code());
        CliRun info = fw("info");
        assertTrue(info.out().matches("(?s).*A\\s+1\\.0.*yes.*"), "A still committed: " + info.out());
        CliRun commit = fw("commit", "--json", "--compact");
        assertEquals(0, commit.code(), commit::toString);
        assertEquals(1, commit.out().lines().count(), commit.out());
        var doc = XpoJson.mapper().readTree(commit.out());
        assertEquals("openxpo.firmware/1", doc.get("schema").asString());
        assertEquals("3.0", doc.get("committed").asString());
    }

    @Test
    void corruptImageFailsWithOneLine() throws Exception {
        Path file = pack("4.0", 5_000);
        byte[] b = Files.readAllBytes(file);
        b[3000] ^= 1;
        Files.write(file, b);
        CliRun r = fw("update", file.toString());
        assertEquals(1, r.code(), r::toString);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("xpoctl: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.getFirst().contains("0x60"), r.err());
        assertTrue(r.err().strip().endsWith(errors.getFirst()), "the error is the last line: " + r.err());
    }

    /** Bank B's version, or null while it is invalid (a Start erases it). */
    String bankB() {
        CliRun info = fw("info", "--json");
        assertEquals(0, info.code(), info::toString);
        return XpoJson.mapper().readTree(info.out()).get("banks").get(1).get("version").asString(null);
    }

    @Test
    void aBadHeaderIsRefusedBeforeAnythingIsSent() throws Exception {
        String before = bankB();
        assertNotNull(before);
        Path file = pack("6.0", 5_000);
        byte[] b = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(b, 4_000));
        XpoCtlTest.assertOneLineError(fw("update", truncated.toString()), 2,
            "truncated.bin: image is 4000 bytes but its header says 5064 (nothing was sent");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not firmware at all, but long enough to fill a CDB start payload of 64 bytes...");
        XpoCtlTest.assertOneLineError(fw("update", text.toString()), 2, "not an XPO firmware image");
        assertEquals(before, bankB(), "no Start was sent, so the inactive bank was not erased");

        CliRun vendor = fw("update", "--vendor-image", text.toString());
        assertEquals(1, vendor.code(), "sent as it is, the module refuses it: " + vendor);
        assertTrue(vendor.err().contains("0x60"), vendor.err());
    }

    @Test
    void aFileLargerThanAnImageOrNotAFileIsRefusedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("huge.bin");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(8L << 30);   // sparse: 8 GiB that take neither disk nor, unless read, heap
        }
        String tooLarge = "huge.bin is 8589934592 bytes, larger than a module stores (" + FirmwareImageFormat.MAX_IMAGE_SIZE
            + " bytes); nothing was sent";
        XpoCtlTest.assertOneLineError(fw("update", huge.toString()), 2, tooLarge);
        XpoCtlTest.assertOneLineError(fw("update", "--vendor-image", huge.toString()), 2, tooLarge);
        XpoCtlTest.assertOneLineError(fw("update", dir.toString()), 2, "is not a regular file but a directory");
        XpoCtlTest.assertOneLineError(fw("update", dir.resolve("missing.bin").toString()), 2,
            "cannot read " + dir.resolve("missing.bin") + ": no such file");
    }

    @Test
    void usageErrors() {
        assertEquals(2, fw("update", dir.resolve("missing.bin").toString()).code());
        assertEquals(2, CliRun.run("fw", "pack", "--version", "two", "-o", dir.resolve("x").toString()).code());
        assertEquals(2, fw("update", "--password", "zz", pack("5.0", 100).toString()).code());
    }
}
