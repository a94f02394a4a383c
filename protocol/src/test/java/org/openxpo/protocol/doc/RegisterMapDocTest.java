package org.openxpo.protocol.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.MemoryMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class RegisterMapDocTest {
    /** Surefire runs in the module directory; the docs live next to it at the repository root. */
    private static final Path COMMITTED = Path.of("..", "docs", "register-map.md");
    private static final String STALE = "docs/register-map.md is stale: run " + RegisterMapDoc.REGENERATE;

    private final String rendered = RegisterMapDoc.render(MemoryMap.xpo());

    @Test
    void committedDocumentMatchesTheDeclaration() throws IOException {
        if (!Files.exists(COMMITTED)) fail(STALE + " (" + COMMITTED.toAbsolutePath().normalize() + " is missing)");
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (committed.equals(rendered)) return;
        String[] want = rendered.split("\n", -1);
        String[] have = committed.split("\n", -1);
        int line = 0;
        while (line < Math.min(want.length, have.length) && want[line].equals(have[line])) line++;
        fail(STALE + String.format(" (first difference at line %d:%n  committed: %s%n  generated: %s)", line + 1,
            line < have.length ? have[line] : "<end of file>", line < want.length ? want[line] : "<end of file>"));
    }

    @Test
    void everyFieldAndPageIsDocumented() {
        MemoryMap map = MemoryMap.xpo();
        map.fields().forEach(f -> assertTrue(rendered.contains("| " + f.name() + " |"), f.name()));
        map.pages().forEach(p -> assertTrue(rendered.contains("## Page " + p.label() + " — "), p.label()));
    }

    @Test
    void laneBanksAndCustomPagesAreExplicit() {
        assertTrue(rendered.contains("banked: banks 0–7 = lanes 1–64"));
        assertTrue(rendered.contains("bank 7 = lanes 57–64"));
        assertTrue(rendered.contains("bank 0 only (CDB instance 1)"));
        int b0 = rendered.indexOf("## Page B0h");
        assertTrue(b0 > 0 && rendered.indexOf("**Project-defined (XPO profile).**", b0) > b0);
    }

    @Test
    void vdmTypesAndTheXpoLayoutAreListed() {
        assertTrue(rendered.contains("| 5 | eSNR Media Input [dB] | basic | media | dB (DECIBELS_256) | `esnr_media_input` |"));
        assertTrue(rendered.contains("| 2 | 56–63 | 7 | 20 Errored Frames Maximum Host Input |"));
    }

    @Test
    void regenerationIsDeterministicAndHeadingsHaveGithubAnchors() {
        assertEquals(rendered, RegisterMapDoc.render(MemoryMap.xpo()));
        assertEquals("page-10h--lane-control-banked", RegisterMapDoc.anchor("Page 10h — Lane control (banked)"));
    }
}
