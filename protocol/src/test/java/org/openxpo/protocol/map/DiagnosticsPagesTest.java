package org.openxpo.protocol.map;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.DiagnosticsPages.Loopback;
import org.openxpo.protocol.map.DiagnosticsPages.PatternEngine;
import org.openxpo.protocol.types.DiagnosticsSelector;
import org.openxpo.protocol.types.PrbsPattern;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagnostics pages 13h/14h as hosts address them (telemetry-and-diagnostics §2). */
class DiagnosticsPagesTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void supportedPatternBitmapsAreLittleEndianBitmapsOfPatternIds() {
        byte[] page = new byte[256];
        Field bitmap = DiagnosticsPages.MEDIA_CHECKER_PATTERNS_SUPPORTED;
        for (PrbsPattern p : EnumSet.of(PrbsPattern.PRBS31Q, PrbsPattern.PRBS13Q, PrbsPattern.SSPRQ)) bitmap.set(page, p.code(), 1);
        assertEquals(0x41, page[138] & 0xFF, "IDs 0 and 6 in the first byte");
        assertEquals(0x10, page[139] & 0xFF, "ID 12 is bit 4 of the second byte");
        assertEquals(16, bitmap.count());
    }

    @Test
    void eachEngineHasItsOwnEnablePatternBitmapAndFlag() {
        assertEquals(List.of(144, 152, 160, 168), offsets(PatternEngine.values(), PatternEngine::enable));
        assertEquals(List.of(148, 156, 164, 172), offsets(PatternEngine.values(), PatternEngine::pattern));
        assertEquals(List.of(132, 134, 136, 138), offsets(PatternEngine.values(), PatternEngine::patternsSupported));
        assertEquals(List.of(136, 137, 138, 139), offsets(PatternEngine.values(), PatternEngine::lolFlag));
        for (PatternEngine e : PatternEngine.values()) {
            assertEquals(Pages.DIAGNOSTICS_LAST, e.lolFlag().page());
            assertTrue(map.maskOf(e.lolFlag()).isPresent(), e + " flag has a mask");
            assertEquals(4, e.pattern().bitWidth(), "a nibble per lane");
        }
    }

    @Test
    void engineLocationBitsPairPreAndPostFecPerEngine() {
        int preFec = 0;
        for (PatternEngine e : PatternEngine.values()) {
            preFec |= 1 << e.locationBit(true);
            assertEquals(e.locationBit(true) - 1, e.locationBit(false));
        }
        assertEquals(0xAA, preFec, "every engine pre-FEC");
        assertEquals(7, PatternEngine.MEDIA_GENERATOR.locationBit(true));
    }

    @Test
    void loopbackEnablesAreLaneMasksInCmisOrderWithTheirCapabilityBits() {
        assertEquals(List.of(180, 181, 182, 183), offsets(Loopback.values(), Loopback::enable));
        Set<Integer> bits = new HashSet<>();
        for (Loopback l : Loopback.values()) {
            assertEquals(128, l.supported().offset());
            bits.add(l.supported().bit());
            assertEquals(8, l.enable().count(), "a bit per lane of the bank");
        }
        assertEquals(Set.of(0, 1, 2, 3), bits);
        assertEquals(Loopback.MEDIA_OUTPUT.ordinal(), Loopback.MEDIA_OUTPUT.supported().bit(), "bit = 180 + offset");
    }

    @Test
    void theSelectorChoosesTheViewsOfTheResultsArea() {
        assertEquals(List.of("HostBer", "MediaBer"), names(DiagnosticsSelector.BER));
        assertEquals(List.of("HostSnr", "MediaSnr"), names(DiagnosticsSelector.SNR));
        assertEquals(List.of("MediaErrorCount"), names(DiagnosticsSelector.MEDIA_ERROR_COUNT));
        assertEquals(List.of(), names(DiagnosticsSelector.NONE));
        for (FieldView v : map.views()) {
            Field f = v.field();
            assertTrue(f.offset() >= 192 && f.offset() + f.byteLength() <= 256, f.name() + " inside the results area");
            assertTrue(map.findField(f.name()).isEmpty(), "a view is not a field of its own");
        }
    }

    @Test
    void snrIsLittleEndianInSteps256thOfADecibelAndCountersLittleEndianU64() {
        byte[] page = new byte[256];
        page[240] = (byte) 0x80; // 0x1A80 little-endian = 6784 / 256 = 26.5 dB
        page[241] = 0x1A;
        assertEquals(26.5, DiagnosticsPages.MEDIA_SNR.value(page, 0));
        DiagnosticsPages.HOST_SNR.setValue(page, 7, 18.25);
        assertEquals(0x40, page[222] & 0xFF);
        assertEquals(0x12, page[223] & 0xFF);
        DiagnosticsPages.HOST_ERROR_COUNT.setValue(page, 1, 0x0102_0304_0506L);
        assertEquals(0x06, page[200] & 0xFF, "least significant byte first");
        assertEquals(0x01, page[205] & 0xFF);
        assertEquals(0x0102_0304_0506L, (long) DiagnosticsPages.HOST_ERROR_COUNT.value(page, 1));
    }

    @Test
    void berIsF16PerLane() {
        byte[] page = new byte[256];
        DiagnosticsPages.MEDIA_BER.setValue(page, 3, 2.4e-5);
        assertEquals(2.4e-5, DiagnosticsPages.MEDIA_BER.value(page, 3), 1e-8);
        assertEquals(214, DiagnosticsPages.MEDIA_BER.elementOffset(3));
    }

    private List<String> names(DiagnosticsSelector s) {
        return map.viewsFor(DiagnosticsPages.DIAGNOSTICS_SELECTOR, s.code()).stream().map(v -> v.field().name()).toList();
    }

    private static <E> List<Integer> offsets(E[] values, java.util.function.Function<E, Field> field) {
        return java.util.Arrays.stream(values).map(field).map(Field::offset).toList();
    }
}
