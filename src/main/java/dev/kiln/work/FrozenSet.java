package dev.kiln.work;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** {@link FrozenMap}'s set: an unmodifiable copy that compares an element's hash before equals, unlike {@link Set#copyOf}'s. */
public final class FrozenSet<E> extends AbstractSet<E> {
    private final Set<E> set;

    private FrozenSet(Set<E> set) {
        this.set = set;
    }

    @SuppressWarnings("unchecked")
    public static <E> Set<E> copyOf(Collection<? extends E> source) {
        if (source instanceof FrozenSet<?> frozen) {
            return (Set<E>) frozen;
        }
        return source.isEmpty() ? Set.of() : new FrozenSet<>(Collections.unmodifiableSet(new HashSet<>(source)));
    }

    @Override
    public boolean contains(Object element) {
        return set.contains(element);
    }

    @Override
    public Iterator<E> iterator() {
        return set.iterator();
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || set.equals(other);
    }

    @Override
    public int hashCode() {
        return set.hashCode();
    }
}
