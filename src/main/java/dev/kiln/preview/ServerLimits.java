package dev.kiln.preview;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What keeps one client from starving the others. The JDK server reads each request on a thread
 * of our pool, so a client that stalls in the middle of a request holds a thread: the JDK drops
 * such a request after {@link #REQUEST_SECONDS}, the pool has at most {@link #REQUEST_THREADS}
 * threads (more requests wait for one, they are not refused), and open event streams, which hold
 * a thread for as long as the page is open, are limited to {@link #EVENT_STREAMS} so they can
 * never take them all. Request targets over {@link #MAX_PATH} or {@link #MAX_TARGET} characters
 * get 414. Tests: {@code PreviewHostileClientTest}, {@code PreviewLoadTest}.
 */
final class ServerLimits {
    /** Seconds a client has to send its request line, headers and body. */
    static final int REQUEST_SECONDS = 5;
    static final int REQUEST_THREADS = 200;
    static final int EVENT_STREAMS = 100;
    /** Longest raw path, e.g. {@code /2019/03/18/slug/}, in characters. */
    static final int MAX_PATH = 2048;
    /** Longest raw request target, path and query, in characters. */
    static final int MAX_TARGET = 8192;

    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

    private ServerLimits() {}

    /**
     * Sets the JDK server's request time limit, unless {@code -Dsun.net.httpserver.maxReqTime}
     * was given. The JDK reads it once, when the JVM's first HttpServer is created: call this before.
     */
    static void configureJdkServer() {
        System.getProperties().putIfAbsent(MAX_REQUEST_TIME, Integer.toString(REQUEST_SECONDS));
    }

    /** The pool that reads requests and runs the handlers; idle threads end after 10 s. */
    static ExecutorService requestThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "kiln-http");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
