package org.openxpo.dist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutputMatcherTest {
    @Test
    void linesCompareExactly() {
        assertTrue(OutputMatcher.matches(List.of("{\"cleared\":3}"), List.of("{\"cleared\":3}"), false));
        assertFalse(OutputMatcher.matches(List.of("{\"cleared\":3}"), List.of("{\"cleared\":2}"), false));
        assertFalse(OutputMatcher.matches(List.of("a", "b"), List.of("a"), false), "a missing line");
        assertFalse(OutputMatcher.matches(List.of("a"), List.of("a", "b"), false), "an extra line");
        assertFalse(OutputMatcher.matches(List.of("a.b"), List.of("axb"), false), "no regular expressions in the docs");
        assertTrue(OutputMatcher.matches(List.of("bank  committed"), List.of("bank  committed   "), false),
            "white space at the end of a line is invisible");
        assertFalse(OutputMatcher.matches(List.of("bank  committed"), List.of("bank committed"), false));
    }

    @Test
    void threeDotsInALineStandForAnyText() {
        assertTrue(OutputMatcher.matches(List.of("{\"routes\":[{\"path\":\"/api\"},...]}"),
            List.of("{\"routes\":[{\"path\":\"/api\"},{\"path\":\"/api/health\"}]}"), false));
        assertFalse(OutputMatcher.matches(List.of("{\"routes\":[...]}"), List.of("{\"routes\":[]", "}"), false),
            "only within the line");
    }

    @Test
    void aLineOfThreeDotsStandsForAnyLines() {
        List<String> expected = List.of("Lane App", "   1 on", "...", "end");
        assertTrue(OutputMatcher.matches(expected, List.of("Lane App", "   1 on", "   2 on", "   3 on", "end"), false));
        assertTrue(OutputMatcher.matches(expected, List.of("Lane App", "   1 on", "end"), false));
        assertFalse(OutputMatcher.matches(expected, List.of("Lane App", "   1 off", "end"), false));
    }

    @Test
    void measuredValuesVaryOnlyWhereTheBlockSaysSo() {
        List<String> expected = List.of("20:50:30.558  snapshot 64/64 up 330.9 W   2.57 dBm");
        List<String> actual = List.of("06:01:02.003  snapshot 64/64 up 1331.0 W  -0.01 dBm");
        assertTrue(OutputMatcher.matches(expected, actual, true));
        assertFalse(OutputMatcher.matches(expected, actual, false));
        assertFalse(OutputMatcher.matches(expected, List.of("06:01:02.003  snapshot 63/64 up 1331.0 W  -0.01 dBm"), true),
            "integers still compare exactly");
        assertFalse(OutputMatcher.matches(expected, List.of("06:01:02.003  snapshot 64/64 up 1331 W  -0.01 dBm"), true),
            "a decimal stands for a decimal");
    }
}
