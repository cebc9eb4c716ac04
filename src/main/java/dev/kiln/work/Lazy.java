package dev.kiln.work;

import java.util.function.Supplier;

/** A value made at the first question, once, whichever thread asks first; for what a build may never need. */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
