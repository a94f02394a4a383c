package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.testing.PlainCmisModule;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LowerPage;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code xpoctl dump} against another maker's module: what it advertises decides, not the XPO map. */
class DumpAnyModuleTest {
    private static final String TARGET = "tcp://127.0.0.1:9450/1";

    @Test
    void dumpsAVendorsCustomBankedPageAndTheVdmPagesItAdvertises() {
        PlainCmisModule m = new PlainCmisModule();
        m.set(AdminPages.BANKS_SUPPORTED, 0, 0, 1).set(AdminPages.VDM_PAGES_SUPPORTED, 0, 0, 1);
        m.page(0xC4, 1)[0] = 0x5A;
        m.page(0x24, 1)[2] = 0x12;

        CliRun custom = CliRun.run(t -> m, "--target", TARGET, "dump", "--page", "C4h", "--bank", "1", "--length", "4");
        assertEquals(0, custom.code(), custom.toString());
        assertTrue(custom.out().startsWith("Page C4h bank 1"), custom.out());
        assertTrue(custom.out().contains("0x0080:\t\t5a 00 00 00\n"), custom.out());

        CliRun vdm = CliRun.run(t -> m, "--target", TARGET, "dump", "--page", "0x24", "--bank", "1", "--offset", "130",
            "--length", "1");
        assertTrue(vdm.out().contains("0x0082:\t\t12\n"), vdm.toString());

        CliRun bank2 = CliRun.run(t -> m, "--target", TARGET, "dump", "--page", "0x24", "--bank", "2");
        assertEquals(2, bank2.code(), bank2.toString());
        assertTrue(bank2.err().contains("page 24h has banks 0-1, not 2"), bank2.toString());

        CliRun diag = CliRun.run(t -> m, "--target", TARGET, "dump", "--page", "13h");
        assertEquals(2, diag.code(), diag.toString());
        assertTrue(diag.err().contains("(01h:142 DiagPagesSupported is 0)"), diag.toString());
    }

    @Test
    void aFlatMemoryModuleHasPage00hOnly() {
        PlainCmisModule m = new PlainCmisModule();
        m.set(LowerPage.MEMORY_MODEL, 0, 0, 1);
        CliRun upper = CliRun.run(t -> m, "--target", TARGET, "dump", "--page", "01h");
        assertEquals(2, upper.code(), upper.toString());
        assertTrue(upper.err().contains("flat memory"), upper.toString());
        CliRun p0 = CliRun.run(t -> m, "--target", TARGET, "dump");
        assertEquals(0, p0.code(), p0.toString());
        assertEquals(16, List.of(p0.out().split("\n")).stream().filter(l -> l.startsWith("0x")).count());
    }
}
