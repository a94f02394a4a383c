package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openxpo.protocol.link.SameContent.assertSameContent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.TargetEvent;

/** Byte-exact layouts, hand-written from docs/wire-protocol.md, and a check that the document still shows them. */
class FrameLayoutTest {

    private static final String PAGE_DATA = """
        00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F
        20 21 22 23 24 25 26 27 28 29 2A 2B 2C 2D 2E 2F 30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F
        40 41 42 43 44 45 46 47 48 49 4A 4B 4C 4D 4E 4F 50 51 52 53 54 55 56 57 58 59 5A 5B 5C 5D 5E 5F
        60 61 62 63 64 65 66 67 68 69 6A 6B 6C 6D 6E 6F 70 71 72 73 74 75 76 77 78 79 7A 7B 7C 7D 7E 7F
        """;

    /** Example name in the document → the frame and its hand-written bytes. */
    private static final Map<String, Map.Entry<Frame, String>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("hello", Map.entry(Frame.Hello.current(1, "xpoctl"),
            "00 00 00 13  01  00 00 00 01  58 50 4F 4C  01 01  00 06 78 70 6F 63 74 6C"));
        EXAMPLES.put("hello-ok", Map.entry(new Frame.HelloOk(1, 1, 0, "openxpo-emulator", 4),
            "00 00 00 1B  81  00 00 00 01  01 00  00 10 6F 70 65 6E 78 70 6F 2D 65 6D 75 6C 61 74 6F 72  00 04"));
        EXAMPLES.put("version-mismatch", Map.entry(new Frame.ErrorReply(1, LinkError.VERSION_MISMATCH, "need major 1"),
            "00 00 00 15  FF  00 00 00 01  00 04  00 0C 6E 65 65 64 20 6D 61 6A 6F 72 20 31"));
        EXAMPLES.put("page-read", Map.entry(SampleFrames.pageRead(),
            "00 00 00 17  10  00 00 00 01  00 01  03  00 50 00 02 7F 01  00 50 00 01 80  01 50 00 80"));
        EXAMPLES.put("page-read-result", Map.entry(SampleFrames.pageReadResult(),
            "00 00 00 95  90  00 00 00 01  03  00 FF FF 00 00  00 FF FF 00 00  00 FF FF 00 80" + PAGE_DATA));
        EXAMPLES.put("epl-batch", Map.entry(SampleFrames.eplBatch(),
            "00 00 00 17  14  00 00 00 02  00 01  02  01 00 50 00 02 7F A0  01 00 50 00 03 80 11 22"));
        EXAMPLES.put("epl-batch-result", Map.entry(SampleFrames.eplBatchResult(),
            "00 00 00 12  94  00 00 00 02  02  01 00 FF FF 00 00  01 00 FF FF 00 00"));
        EXAMPLES.put("subscribe", Map.entry(new Frame.Subscribe(2, 0, EnumSet.allOf(EventKind.class)),
            "00 00 00 08  30  00 00 00 02  00 00  1F"));
        EXAMPLES.put("event-intl", Map.entry(new Frame.Event(new TargetEvent.IntL(1, 1_000_000_000L, true)),
            "00 00 00 11  E0  00 00 00 00  01  00 01  00 00 00 00 3B 9A CA 00  01"));
    }

    @Test
    void framesEncodeToTheDocumentedBytes() {
        EXAMPLES.forEach((name, example) ->
            assertEquals(Hex.text(Hex.bytes(example.getValue())), Hex.text(FrameCodec.encode(example.getKey())), name));
    }

    @Test
    void documentedBytesDecodeToTheFrames() {
        EXAMPLES.forEach((name, example) ->
            assertSameContent(example.getKey(), FrameCodec.decode(ByteBuffer.wrap(Hex.bytes(example.getValue())))));
    }

    @Test
    void pageReadIsTwentySevenBytesAndItsAnswerOneHundredFiftyThree() {
        assertEquals(27, FrameCodec.encode(SampleFrames.pageRead()).length);
        assertEquals(153, FrameCodec.encode(SampleFrames.pageReadResult()).length);
    }

    @Test
    void theDocumentShowsTheSameBytes() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "wire-protocol.md");
        Map<String, String> shown = documentedExamples(Files.readString(doc));
        assertEquals(EXAMPLES.keySet(), shown.keySet(), "examples in " + doc);
        EXAMPLES.forEach((name, example) ->
            assertEquals(Hex.text(Hex.bytes(example.getValue())), Hex.text(Hex.bytes(shown.get(name))), name));
    }

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([a-z-]+) -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern HEX_LINE = Pattern.compile("^([0-9A-F]{2}(?: [0-9A-F]{2})*)(?: {2,}.*)?$");

    /** Each example is a fenced block of lines "hex bytes  annotation" after an {@code <!-- example: name -->} marker. */
    private static Map<String, String> documentedExamples(String markdown) {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(markdown);
        while (m.find()) {
            StringBuilder hex = new StringBuilder();
            for (String line : List.of(m.group(2).split("\n"))) {
                if (line.isBlank()) continue;
                Matcher bytes = HEX_LINE.matcher(line.strip());
                assertTrue(bytes.matches(), "example " + m.group(1) + ": not a hex line: " + line);
                hex.append(bytes.group(1)).append(' ');
            }
            examples.put(m.group(1), hex.toString());
        }
        return examples;
    }
}
