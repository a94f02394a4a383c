package org.openxpo.driver.vdm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** One instance per value while it is in use, and nothing kept once nobody uses it. */
class WeakInternerTest {
    @Test
    void equalValuesShareTheFirstInstanceAndOthersStayApart() {
        WeakInterner<List<Integer>> interner = new WeakInterner<>();
        List<Integer> first = new ArrayList<>(List.of(1, 2, 3));
        assertSame(first, interner.intern(first));
        assertSame(first, interner.intern(new ArrayList<>(List.of(1, 2, 3))), "an equal value gets the first instance");
        List<Integer> other = new ArrayList<>(List.of(4));
        assertSame(other, interner.intern(other));
        assertEquals(2, interner.size());
    }

    @Test
    void aValueNobodyUsesAnyMoreIsLetGo() {
        WeakInterner<List<Integer>> interner = new WeakInterner<>();
        List<Integer> kept = interner.intern(new ArrayList<>(List.of(7)));
        for (int i = 0; i < 100; i++) interner.intern(new ArrayList<>(List.of(i, i))); // modules that went
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return interner.size() == 1;
        });
        assertSame(kept, interner.intern(new ArrayList<>(List.of(7))), "the value still in use is still shared");
    }
}
