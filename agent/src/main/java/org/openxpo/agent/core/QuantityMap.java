package org.openxpo.agent.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map keyed by {@link VdmQuantity}, iterated in the quantities' order (as an {@code EnumMap} is), held as
 * one array by ordinal: a poll builds one per lane and side, and the limits of a lane are one shared instance for as
 * long as the module runs, so {@link #copyOf} hands an instance back as it is rather than copying it.
 */
final class QuantityMap<V> extends AbstractMap<VdmQuantity, V> {
    private static final VdmQuantity[] QUANTITIES = VdmQuantity.values();
    private static final QuantityMap<?> EMPTY = new QuantityMap<>(new Object[QUANTITIES.length]);

    /** By ordinal; null where the quantity is absent. Never changed once built. */
    private final Object[] values;
    private final int size;

    private QuantityMap(Object[] values) {
        this.values = values;
        int n = 0;
        for (Object v : values) if (v != null) n++;
        this.size = n;
    }

    @SuppressWarnings("unchecked")
    static <V> QuantityMap<V> empty() { return (QuantityMap<V>) EMPTY; }

    /** {@code m} itself when it is one, else an immutable copy (null values are not allowed). */
    @SuppressWarnings("unchecked")
    static <V> QuantityMap<V> copyOf(Map<VdmQuantity, ? extends V> m) {
        if (m instanceof QuantityMap<?> q) return (QuantityMap<V>) q;
        Builder<V> b = new Builder<>();
        m.forEach(b::put);
        return b.build();
    }

    /** Collects one map; {@link #build()} hands its array over, so a builder makes one map. */
    static final class Builder<V> {
        private Object[] values = new Object[QUANTITIES.length];

        Builder<V> put(VdmQuantity q, V value) {
            if (value == null) throw new NullPointerException("no value for " + q);
            values[q.ordinal()] = value;
            return this;
        }

        QuantityMap<V> build() {
            QuantityMap<V> m = new QuantityMap<>(values);
            values = null;
            return m;
        }
    }

    @Override
    public int size() { return size; }

    @Override
    public boolean containsKey(Object key) { return get(key) != null; }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) { return key instanceof VdmQuantity q ? (V) values[q.ordinal()] : null; }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super VdmQuantity, ? super V> action) {
        for (int i = 0; i < values.length; i++) if (values[i] != null) action.accept(QUANTITIES[i], (V) values[i]);
    }

    @Override
    public Set<Entry<VdmQuantity, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() { return size; }

            @Override
            public Iterator<Entry<VdmQuantity, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < values.length && values[i] == null) i++;
                        return i;
                    }

                    @Override
                    public boolean hasNext() { return next < values.length; }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<VdmQuantity, V> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        Entry<VdmQuantity, V> e = new SimpleImmutableEntry<>(QUANTITIES[next], (V) values[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }
        };
    }

    /** As the {@link Map} contract defines it (the sum of the entries' hashes), without making the entries. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < values.length; i++) if (values[i] != null) h += QUANTITIES[i].hashCode() ^ values[i].hashCode();
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof QuantityMap<?> q) return Arrays.equals(values, q.values);
        return super.equals(o);
    }
}
