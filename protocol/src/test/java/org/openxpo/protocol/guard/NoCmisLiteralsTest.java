package org.openxpo.protocol.guard;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.guard.CmisLiteralScanner.Allowed;
import org.openxpo.protocol.guard.CmisLiteralScanner.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract is typed once, here: the emulator's and the driver's main code type no CMIS layout. Page numbers, the
 * management address 0x50, BankSelect/PageSelect (126/127), window bounds, lane arithmetic by 8 and field names come
 * from {@code protocol} (Pages, ManagementInterface, Lanes, the field constants). The test reads the sibling modules'
 * sources from the repository (it runs in protocol/). A hit names file:line; a legitimate use goes on the allow-list
 * below with its reason.
 */
class NoCmisLiteralsTest {
    /** The main code on the other side of the seam, from the protocol module's folder. */
    private static final List<Path> SOURCES = List.of(
        Path.of("..", "emulator", "src", "main", "java"), Path.of("..", "host-driver", "src", "main", "java"));

    /** Numbers that only look like CMIS layout. Keep it short: every entry says why it is not the map's business. */
    private static final List<Allowed> ALLOWED = List.of(
        new Allowed("module/I3cTarget.java", "DEFAULT_MWL = 256, DEFAULT_MRL = 256",
            "I3C's maximum write/read length defaults (MIPI I3C, SETMWL/SETMRL), not the CMIS window"),
        new Allowed("scenario/Scenario.java", "major > 255",
            "a firmware version number is one byte (0-255), not a register address"),
        new Allowed("scenario/Scenario.java", "major == 255 && minor == 255",
            "the version value 255.255 CMIS reserves for an invalid image (00h:39-40), not a register address"),
        new Allowed("http/ServerNames.java", "b > 255", "an IPv4 address byte in a Host header, not the CMIS window"),
        new Allowed("link/ServerLimits.java", "new ServerLimits(DEFAULT_MEMORY_BUDGET, 256,",
            "the link server's default connection limit, not the CMIS window"),
        new Allowed("link/ServerLimits.java", "budget = 256 * MIB",
            "the link server's default memory budget (MiB), not the CMIS window"),
        new Allowed("module/ModuleConfig.java", "SMF_800GBASE_DR4, 4, 4, 0x11",
            "the lanes an application may start on (bits 0 and 4: lanes 1 and 5 of a bank), not page 11h"),
        new Allowed("module/StaticContent.java", "OPTICAL_CHARACTERISTICS, 0x10",
            "OpticalCharacteristics bit 4 (Rx power is Pavg), a value the module advertises, not page 10h"),
        new Allowed("module/AlarmCatalog.java", "one(\"LeakSensorFault\",",
            "the alarm's name, which CMIS-style naming makes equal to the B0h status bit it summarizes"),
        new Allowed("cli/EmulatorCommand.java", "ch > 0x20 && ch < 0x7F", "printable ASCII (0x20 is the space), not page 20h"),
        new Allowed("scenario/Scenario.java", "ch >= 0x20 && ch < 0x7F", "printable ASCII (0x20 is the space), not page 20h"),
        new Allowed("module/I3cTarget.java", "protocolError ? 0x20",
            "the protocol-error bit of the I3C GETSTATUS reply (MIPI I3C), not page 20h"),
        new Allowed("cli/Converters.java", "p < 0 || p > 255", "a page number as a user types it: any byte"),
        new Allowed("transport/TargetUri.java", "bus < 0 || bus > 255", "a Linux I2C bus number, not the CMIS window"));

    @Test
    void theCodeOnBothSidesOfTheSeamTypesNoCmisLayout() throws IOException {
        List<Finding> findings = new java.util.ArrayList<>();
        for (Path root : SOURCES) {
            assertTrue(Files.isDirectory(root), root + " is missing: the guard runs in a checkout of the whole repository");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted()
                    .forEach(p -> findings.addAll(CmisLiteralScanner.scan(root.relativize(p).toString(), read(p), ALLOWED)));
            }
        }
        assertTrue(findings.isEmpty(), () -> "CMIS layout typed outside protocol:\n"
            + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void aFieldLookedUpByNameIsCaught() {
        assertEquals(List.of("A.java:1"), where("static final Field F = MAP.field(\"FailureFlagTx\");"));
        assertEquals(List.of("A.java:2"), where("int x;\nset(mem, \"VendorName\", 1);"), "a field name passed on");
        assertEquals(List.of("A.java:1"), where("Field f = map.field(name);"), "any lookup by name");
    }

    @Test
    void pageNumbersTheAddressAndTheSelectRegistersAreCaught() {
        assertEquals(List.of("A.java:1"), where("byte[] s = mem.pageArray(0x11, b);"));
        assertEquals(List.of("A.java:1"), where("byte[] s = mem.pageArray(2, b);"), "a small page as an argument");
        assertEquals(List.of("A.java:1"), where("int s = access.read(0x00, 0, at, 1)[0];"), "page 00h read by number");
        assertEquals(List.of("A.java:1"), where("if (page == 0xB0) update();"));
        assertEquals(List.of("A.java:1"), where("case 0x9F -> cdb();"));
        assertEquals(List.of("A.java:1"), where("static final int ADDRESS = 0x50;"));
        assertEquals(List.of("A.java:1"), where("int wantPage = lower[127] & 0xFF;"));
        assertEquals(List.of("A.java:1"), where("a = a == 255 ? 128 : a + 1;"));
        assertEquals(List.of("A.java:1"), where("int bank = (lane - 1) / 8, i = (lane - 1) % 8;"));
    }

    @Test
    void commentsStringsAndOtherHexAreNot() {
        assertEquals(List.of(), where("// page 0x11, bytes 126-127 at 0x50\nint a = 1; /* 128 */"));
        assertEquals(List.of(), where("String bind = \"127.0.0.1\"; String s = \"0x11\";"));
        assertEquals(List.of(), where("static final int BCR = 0x06, ERASED = 0xFF; int b = x & 0xFF;"));
        assertEquals(List.of(), where("char q = '\"'; String t = \"say \\\"FailureFlagTx\\\"\";"),
            "an escaped quote does not end the string, and a name inside a sentence is no lookup");
    }

    @Test
    void anAllowedLineIsLetThroughOnlyInItsFile() {
        List<Allowed> allowed = List.of(new Allowed("B.java", "MWL = 256", "I3C"));
        assertEquals(List.of(), CmisLiteralScanner.scan("x/B.java", "int MWL = 256;", allowed));
        assertEquals(1, CmisLiteralScanner.scan("x/C.java", "int MWL = 256;", allowed).size());
    }

    private static List<String> where(String source) {
        return CmisLiteralScanner.scan("A.java", source, List.of()).stream().map(f -> f.file() + ":" + f.line())
            .distinct().toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
