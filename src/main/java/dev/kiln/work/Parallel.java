package dev.kiln.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs one task per index on every core, handing the indices out one at a time. A parallel stream
 * instead splits a list into a few big chunks up front, so with posts of uneven length one core often
 * finished its share seconds before the other (10,000 posts: the last 2–3 s of reading on one core).
 */
public final class Parallel {

    private Parallel() {}

    /**
     * Calls {@code task} once for each of 0..count-1, on the calling thread and the common pool's. The
     * first exception stops the handing out and is rethrown as it was, after every running task ended.
     */
    public static void forEach(int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    next.set(count);
                }
            }
        };
        int helpers = Math.min(count - 1, ForkJoinPool.getCommonPoolParallelism());
        List<ForkJoinTask<?>> started = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
        started.forEach(ForkJoinTask::join);
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e); // a checked exception thrown sneakily; none of Kiln's tasks do
        }
    }

    /** {@code items} each mapped by {@code function} on every core, in the items' order. */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        forEach(items.size(), i -> results[i] = function.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return list;
    }
}
