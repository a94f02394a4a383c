package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares frames field by field, byte arrays by content: the target records (I2cResult, CccResult, Ibi) keep the
 * array identity equality records get by default.
 */
final class SameContent {
    private SameContent() {}

    static void assertSameContent(Object expected, Object actual) {
        if (!same(expected, actual)) fail("expected " + expected + " but was " + actual);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return false;
            for (Object k : x.keySet()) if (!same(x.get(k), y.get(k))) return false;
            return true;
        }
        if (a instanceof Record && b != null && a.getClass() == b.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    if (!same(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
