package org.openxpo.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CommandDocsTest {
    @TempDir Path out;

    @Test
    void everyCommandAndSubcommandGetsAManPageAndEachLauncherACompletion() throws Exception {
        CommandDocs.write(out.resolve("man"), out.resolve("completion"));
        for (String page : new String[] {"xpoctl", "xpoctl-show", "xpoctl-monitor", "xpoctl-fw", "xpoctl-fw-update",
            "xpo-emulator", "xpo-agent"}) {
            Path adoc = out.resolve("man").resolve(page + ".adoc");
            assertTrue(Files.isRegularFile(adoc), page + " has no man page");
            assertTrue(Files.readString(adoc).contains(":doctype: manpage"), page);
        }
        String xpoctl = Files.readString(out.resolve("completion/xpoctl"));
        assertTrue(xpoctl.contains("complete -F _complete_xpoctl") && xpoctl.contains("thresholds"), "xpoctl completion");
        assertTrue(Files.readString(out.resolve("completion/xpo-emulator")).contains("--cages"), "xpo-emulator completion");
        assertTrue(Files.readString(out.resolve("completion/xpo-agent")).contains("--target"), "xpo-agent completion");
    }
}
