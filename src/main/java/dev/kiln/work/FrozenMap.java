package dev.kiln.work;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable copy of a map, for the memories a build hands to the next. Unlike {@link Map#copyOf},
 * it compares a key's hash code before calling {@code equals}: {@code Map.copyOf}'s maps call
 * {@code equals} at each probe, and for the {@code Path} keys of 10,000 sources that comparison of
 * bytes was a tenth of a preview edit. Like {@code Map.copyOf}, a copy of a copy is the copy itself.
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> map;

    private FrozenMap(Map<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> source) {
        if (source instanceof FrozenMap<?, ?> frozen) {
            return (Map<K, V>) frozen;
        }
        if (source.isEmpty()) {
            return Map.of();
        }
        return new FrozenMap<>(Collections.unmodifiableMap(new HashMap<>(source)));
    }

    /** {@code made} itself, frozen: for a map the caller has just filled and hands over without keeping it (a copy would be a second pass). */
    public static <K, V> Map<K, V> adopt(Map<K, V> made) {
        return made.isEmpty() ? Map.of() : new FrozenMap<>(Collections.unmodifiableMap(made));
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V otherwise) {
        return map.getOrDefault(key, otherwise);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return map.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return map.keySet();
    }

    @Override
    public Collection<V> values() {
        return map.values();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map.equals(other);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }
}
