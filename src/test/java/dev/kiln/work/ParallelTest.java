package dev.kiln.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(10_000);
        Parallel.forEach(10_000, runs::incrementAndGet);
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
        Parallel.forEach(0, i -> {
            throw new AssertionError("no index for an empty list");
        });
    }

    @Test
    void mapKeepsTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        assertEquals(items.stream().map(i -> "#" + i).toList(), Parallel.map(items, i -> "#" + i));
    }

    @Test
    void oneSlowItemDoesNotHoldBackTheRest() {
        // Parallel streams split the list in halves up front: the core that got the slow item would also
        // have to do the items around it. Handed out one by one, the other cores take all of those.
        // The slow item is slow until all the others are done, however long the machine makes them take: a thread
        // handed it with others of a chunk would leave those undone, and the wait would run out.
        Set<String> threadsOfTheRest = ConcurrentHashMap.newKeySet();
        String[] slowThread = new String[1];
        CountDownLatch rest = new CountDownLatch(199);
        boolean[] restDone = new boolean[1];
        Parallel.forEach(200, i -> {
            if (i == 0) {
                slowThread[0] = Thread.currentThread().getName();
                restDone[0] = await(rest);
            } else {
                threadsOfTheRest.add(Thread.currentThread().getName());
                sleep(2);
                rest.countDown();
            }
        });
        assertTrue(restDone[0], "the other items ran while the slow one held its thread: " + rest.getCount() + " left");
        assertTrue(!threadsOfTheRest.contains(slowThread[0]),
                "the thread busy with the slow item took no other: " + threadsOfTheRest + " vs " + slowThread[0]);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndStopsTheRest() {
        UncheckedIOException thrown = new UncheckedIOException(new IOException("disk full"));
        AtomicInteger ran = new AtomicInteger();
        UncheckedIOException caught = assertThrows(UncheckedIOException.class, () -> Parallel.forEach(100_000, i -> {
            ran.incrementAndGet();
            if (i == 10) {
                throw thrown;
            }
        }));
        assertSame(thrown, caught);
        assertTrue(ran.get() < 100_000, "stopped handing out work after the failure: ran " + ran.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
