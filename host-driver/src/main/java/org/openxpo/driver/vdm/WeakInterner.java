package org.openxpo.driver.vdm;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands out one shared instance per value of an immutable, value-equal type, so a host watching many modules with the
 * same VDM layout or thresholds keeps one copy of them rather than one per module. It holds its instances weakly: a
 * value nobody uses any more (every module that had it went or restarted with another) is dropped by the collector, so
 * the interner never outgrows what is in use.
 *
 * <p>Interning costs a hash and an equality check of the value, so it is meant for values made once per module start,
 * not on every read. Thread-safe.
 */
public final class WeakInterner<T> {
    /** Keys are held weakly; each value refers to its own key weakly too, or the entry would never go. */
    private final Map<T, WeakReference<T>> instances = new WeakHashMap<>();

    /** The shared instance equal to {@code value}: an earlier one still in use, else {@code value} itself. */
    public synchronized T intern(T value) {
        WeakReference<T> ref = instances.get(value);
        T shared = ref == null ? null : ref.get();
        if (shared != null) return shared;
        instances.put(value, new WeakReference<>(value));
        return value;
    }

    /** How many distinct values are held (some may already be unreachable and about to go). */
    public synchronized int size() { return instances.size(); }
}
