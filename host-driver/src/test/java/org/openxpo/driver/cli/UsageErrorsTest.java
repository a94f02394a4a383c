package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsageErrorsTest {
    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, UsageErrors.editDistance("show", "show"));
        assertEquals(3, UsageErrors.editDistance("kitten", "sitting"), "two substitutions and an insertion");
        assertEquals(3, UsageErrors.editDistance("sitting", "kitten"), "and the other way round");
        assertEquals(2, UsageErrors.editDistance("shwo", "show"), "a swap is two edits");
        assertEquals(4, UsageErrors.editDistance("", "lane"));
        assertEquals(4, UsageErrors.editDistance("lane", ""));
    }

    @Test
    void theClosestNameWithinTheTypoAllowanceWins() {
        List<String> commands = List.of("show", "status", "lanes", "alarms", "monitor");
        assertEquals(Optional.of("monitor"), UsageErrors.closest("monitr", commands));
        assertEquals(Optional.of("lanes"), UsageErrors.closest("lane", commands));
        assertEquals(Optional.empty(), UsageErrors.closest("firmware", commands), "too far from any to be a typo");
        assertEquals(Optional.of("--json"), UsageErrors.closest("-json", List.of("--json", "--jsonl")),
            "the nearest, not the first near enough");
    }
}
