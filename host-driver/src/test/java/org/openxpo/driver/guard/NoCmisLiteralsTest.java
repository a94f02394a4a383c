package org.openxpo.driver.guard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No CMIS layout is typed in the driver's main code: page numbers come from {@code Pages}, the address and the select
 * registers from {@code ManagementInterface}, fields from their constants (issue 13 §2). Field names the user types
 * (xpoctl arguments, JSON) are looked up with {@code MemoryMap.field(String)} on a variable, which this does not flag.
 */
class NoCmisLiteralsTest {
    private static final Path MAIN = Path.of("src/main/java");

    /**
     * Findings that are right as they are: file (relative to src/main/java) → the text of the line that may stay.
     * Each entry says why. Empty today.
     */
    private static final Map<String, String> ALLOWED = Map.of();

    @Test
    void mainCodeTypesNoCmisLayout() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(p).toString().replace('\\', '/');
                for (CmisLiteralScanner.Finding f : CmisLiteralScanner.scan(name, Files.readString(p))) {
                    if (!f.text().strip().equals(ALLOWED.get(name))) found.add(f.toString());
                }
            }
        }
        assertTrue(found.isEmpty(), "CMIS layout typed in host-driver/src/main/java (take it from protocol):\n"
            + String.join("\n", found));
    }

    @Test
    void theScannerCatchesATypedPageAFieldNameTheAddressAndTheSelectRegisters() {
        String source = """
            class Bad {
                void run() {
                    access.read(0x11, bank, at, 1);
                    Field f = f("FailureFlagTx");
                    Field g = MemoryMap.xpo().field("CdbReadWriteLengthExt");
                    if (page == 0xB0) return;
                    I2cMessage.write(0x50, (byte) 127, (byte) page);
                }
            }
            """;
        List<String> rules = CmisLiteralScanner.scan("Bad.java", source).stream()
            .map(f -> f.line() + " " + f.rule()).toList();
        assertEquals(List.of(
            "3 page 11h typed as a literal (use Pages)",
            "4 field 'FailureFlagTx' looked up by a typed name (use its constant)",
            "5 field 'CdbReadWriteLengthExt' looked up by a typed name (use its constant)",
            "6 page B0h typed as a literal (use Pages)",
            "7 management address 0x50 typed (use ManagementInterface.I2C_ADDRESS)",
            "7 127 typed (BankSelect/PageSelect: use ManagementInterface)"), rules);
    }

    @Test
    void theScannerIgnoresCommentsStringsUserLookupsAndOtherNumbers() {
        String source = """
            /** Reads page 11h at 0x50; selects with 126/127. read(0x11, ...) */
            class Fine {
                // f("FailureFlagTx") in a comment
                String uri = "pi4j://1/0x50";
                int mask = b & 0xFF, id = 0x19, code = 0x11 & bits;
                Field byUser = map.field(name);
                String msg = "no field named FailureFlagTx";
                int size = 1270, lane = x127;
            }
            """;
        assertEquals(List.of(), CmisLiteralScanner.scan("Fine.java", source));
    }
}
