package dev.kiln.preview;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What keeps one client from starving the others. The JDK server (com.sun.net.httpserver) hands a
 * connection to a thread of our pool as soon as its first byte arrives, and that thread then reads
 * the request line and headers, blocking: a client that sends them slowly (slowloris) holds a
 * thread until the JDK drops its request, {@link #REQUEST_SECONDS} after it began. So the pool has
 * a thread for every connection the JDK accepts ({@link #MAX_CONNECTIONS}, beyond which it closes
 * new ones at once): slow clients cost a parked thread each, never a real request's turn. Headers
 * are limited to {@link #MAX_HEADERS} lines and {@link #MAX_HEADER_BYTES}. Open event streams, which
 * hold a thread for as long as the page is open, are limited to {@link #EVENT_STREAMS}. Request
 * targets over {@link #MAX_PATH} or {@link #MAX_TARGET} characters get 414. The JDK's own limits
 * are system properties; one given on the command line ({@code -Dsun.net.httpserver.maxReqTime=10})
 * wins. Tests: {@code PreviewHostileClientTest}, {@code PreviewLoadTest}.
 */
final class ServerLimits {
    /** Seconds a client has to send its request line, headers and body. */
    static final int REQUEST_SECONDS = 5;
    /** Open connections, idle ones included; the JDK closes further ones as soon as it accepts them. */
    static final int MAX_CONNECTIONS = 2000;
    /** One per connection, so no request waits for a thread. */
    static final int REQUEST_THREADS = MAX_CONNECTIONS;
    /**
     * Connections the kernel holds before the JDK accepts them: with 64, 1,000 clients connecting at
     * once took 12 s (dropped handshakes, retried a second later); with this, 1 s.
     */
    static final int ACCEPT_BACKLOG = 1024;
    static final int EVENT_STREAMS = 100;
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Longest raw path, e.g. {@code /2019/03/18/slug/}, in characters. */
    static final int MAX_PATH = 2048;
    /** Longest raw request target, path and query, in characters. */
    static final int MAX_TARGET = 8192;

    private ServerLimits() {}

    /**
     * Sets the JDK server's limits, each unless it was given with {@code -D}. The JDK reads them
     * once, when the JVM's first HttpServer is created: call this before.
     */
    static void configureJdkServer() {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaders", Integer.toString(MAX_HEADERS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(MAX_HEADER_BYTES));
    }

    /** The pool that reads requests and runs the handlers; idle threads end after 10 s. */
    static ExecutorService requestThreads() {
        // Small stacks: a thread parked on a slow client needs little, and the handlers recurse nowhere.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(null, runnable, "kiln-http", 256 * 1024);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
