package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln serve} against clients that stall, send garbage or ask for absurd URLs: the others
 * are still served, stalled requests are dropped after {@link ServerLimits#REQUEST_SECONDS}, and
 * overlong request targets get 414. Everything is on 127.0.0.1 and every wait is bounded.
 * <p>
 * The time bounds are generous for a loaded 2-core machine, and still tell the behaviours apart: a
 * client held up by a stalled one waits for the stalled one to be dropped, {@link #REQUEST_MILLIS};
 * a stalled request that is never dropped stays open forever.
 */
@Timeout(180)
class PreviewHostileClientTest {
    private static final String FIRST = "/2020/01/01/first/";
    /** How long a stalled request may hold a thread before the server drops it. */
    private static final long REQUEST_MILLIS = ServerLimits.REQUEST_SECONDS * 1000L;
    /** The longest wait for something that must happen, e.g. a connection becoming busy or being dropped. */
    private static final long WAIT_MILLIS = RunningPreview.WAIT.toMillis();

    @TempDir
    Path tmp;

    private RunningPreview preview;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(PreviewHostileClientTest::closeQuietly);
        if (preview != null) {
            preview.close();
        }
    }

    private RunningPreview start() throws IOException {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        preview = new RunningPreview(site);
        return preview;
    }

    @Test
    void slowAndMalformedRequestsDoNotBlockOthersAndStalledOnesAreDropped() throws Exception {
        RunningPreview p = start();
        // Slowloris: 10 requests stalled in the request line, 10 in the headers, 10 POSTs stalled
        // in their body, and 10 connections that never send a byte.
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stalled.add(send(p, "GET /2020/01/01/fir"));
            stalled.add(send(p, "GET " + FIRST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slo"));
            stalled.add(send(p, "POST " + FIRST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc"));
            send(p, "");
        }
        // Garbage, each on its own connection: answered with a 4xx or closed, never a 5xx.
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Map<String, byte[]> garbage = new LinkedHashMap<>();
        garbage.put("random bytes", concat(noise, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        garbage.put("no spaces", ascii("HELLO\r\n\r\n"));
        garbage.put("bad escape", ascii("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
        garbage.put("bad header name", ascii("GET / HTTP/1.1\r\nHo st: x\r\n\r\n"));
        garbage.put("bad content length", ascii("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"));
        garbage.put("two content lengths", ascii("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"));
        garbage.put("500 headers", ascii("GET / HTTP/1.1\r\n" + "X-A: b\r\n".repeat(500) + "\r\n"));
        garbage.put("NUL in path", ascii("GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n"));
        garbage.put("unknown method", ascii("BREW / HTTP/1.1\r\nHost: x\r\n\r\n"));
        garbage.put("absolute URI elsewhere", ascii("GET http://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"));
        garbage.put("CONNECT", ascii("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n"));
        garbage.put("HTTP/0.9", ascii("GET /\r\n\r\n"));
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> g : garbage.entrySet()) {
            answers.put(g.getKey(), statusLine(p, g.getValue()));
        }
        answers.forEach((what, answer) -> assertTrue(answer.equals("closed") || answer.matches("HTTP/1\\.1 [234]\\d\\d.*"),
                what + " answered " + answer));

        // Meanwhile a normal client gets every page, each quickly.
        long slowest = 0;
        for (int i = 0; i < 30; i++) {
            String path = List.of("/", FIRST, "/2020/02/02/second/", "/about/", "/tags/java/", "/assets/css/kiln.css").get(i % 6);
            long start = System.nanoTime();
            HttpResponse<String> response = p.get(path);
            long millis = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, millis);
            assertEquals(200, response.statusCode(), path);
            // Held up by a stalled client, a page would wait for it to be dropped: REQUEST_MILLIS at least.
            assertTrue(millis < REQUEST_MILLIS, path + " took " + millis + " ms with stalled clients open");
        }

        // The stalled requests are dropped by the server once they are older than the limit; one
        // that is never dropped is still open when the generous wait ends.
        long start = System.nanoTime();
        long deadline = start + (REQUEST_MILLIS + WAIT_MILLIS) * 1_000_000L;
        int dropped = 0;
        for (Socket socket : stalled) {
            dropped += closedByServer(socket, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)) ? 1 : 0;
        }
        long droppedAfter = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "hostile: %d stalled + 10 silent connections and %d garbage requests; slowest page %d ms; "
                + "%d of %d stalled requests dropped by the server within %d ms; answers %s%n",
                stalled.size(), garbage.size(), slowest, dropped, stalled.size(), droppedAfter, answers);
        assertEquals(stalled.size(), dropped, "stalled requests still open after " + (REQUEST_MILLIS + WAIT_MILLIS) / 1000 + " s");
        assertEquals(200, p.get(FIRST).statusCode());
    }

    /**
     * Slowloris (issue 19 item 6): 1,000 clients each sending a header line a second. The JDK reads a
     * request's headers on a thread of the pool, so with fewer threads than slow clients (200, before)
     * a real request waited for them to be dropped in waves (5.4 s and more); now every connection has
     * a thread, so it is answered at once while they are still trickling. The bound, the time the
     * server gives a slow client before it drops it, is generous: an answer held up by them takes longer.
     */
    @Test
    void aThousandSlowlorisClientsDoNotHoldUpARealRequest() throws Exception {
        RunningPreview p = start();
        int slow = 1000;
        List<Socket> slowClients = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            slowClients.add(send(p, "GET " + FIRST + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        }
        long opened = System.nanoTime();
        Thread trickle = new Thread(() -> {
            try {
                for (int line = 0; !Thread.currentThread().isInterrupted(); line++) {
                    for (Socket socket : slowClients) {
                        try {
                            socket.getOutputStream().write(ascii("X-Slow-" + line + ": a\r\n"));
                        } catch (IOException dropped) {
                            // the server dropped it: what it should do in the end
                        }
                    }
                    Thread.sleep(1000); // one header line a second, as the slow clients in the issue
                }
            } catch (InterruptedException stop) {
                // the test is done
            }
        }, "test-slowloris");
        trickle.setDaemon(true);
        trickle.start();
        try {
            // Half of them read at once is already more than the 200 threads there were; on a loaded machine
            // the first may be dropped before the last connect, so all 1,000 at once is not waited for.
            awaitTrue("threads reading the slow clients", () -> busyRequestThreads() >= slow / 2);
            long slowest = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = p.get(FIRST);
                long millis = (System.nanoTime() - start) / 1_000_000;
                slowest = Math.max(slowest, millis);
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("The first body."));
            }
            long threads = requestThreads();
            System.out.printf(Locale.ROOT, "slowloris: %d clients trickling headers, %d request threads (%d still reading), "
                    + "the slowest of 5 pages served in %d ms, %d ms after they connected%n", slow, threads, busyRequestThreads(),
                    slowest, (System.nanoTime() - opened) / 1_000_000);
            assertTrue(slowest < REQUEST_MILLIS, "a page took " + slowest + " ms behind slow clients");
            assertTrue(threads <= ServerLimits.REQUEST_THREADS, threads + " request threads");
            // And the slow clients are dropped once their time is up, however politely they trickle.
            long deadline = System.nanoTime() + (REQUEST_MILLIS + WAIT_MILLIS) * 1_000_000L;
            int dropped = 0;
            for (Socket socket : slowClients) {
                dropped += closedByServer(socket, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)) ? 1 : 0;
            }
            assertEquals(slow, dropped, "slow clients still open after " + (REQUEST_MILLIS + WAIT_MILLIS) / 1000 + " s");
        } finally {
            trickle.interrupt();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails after {@link RunningPreview#WAIT}. */
    private static void awaitTrue(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_MILLIS / 1000 + " s: " + what);
            }
            Thread.sleep(20); // polling; the bound above is what the test waits for
        }
    }

    @Test
    void overlongRequestTargetsGet414() throws Exception {
        RunningPreview p = start();
        String longPath = "/" + "a".repeat(ServerLimits.MAX_PATH);
        String longQuery = "/?q=" + "b".repeat(ServerLimits.MAX_TARGET);
        assertEquals(414, p.get(longPath).statusCode());
        assertEquals(414, p.send("HEAD", longPath).statusCode());
        assertEquals(414, p.get(longQuery).statusCode());
        assertEquals(414, p.get(ReloadScript.EVENTS_PATH + "/" + "c".repeat(ServerLimits.MAX_PATH)).statusCode(),
                "the event stream is limited too");
        HttpResponse<String> refused = p.get("/" + "x/".repeat(ServerLimits.MAX_PATH));
        assertEquals(414, refused.statusCode());
        assertTrue(refused.body().startsWith("414"), refused.body());
        assertTrue(refused.body().length() < 200, "the answer does not echo the target");

        // Just under the limits: an ordinary 404, and a query on a page is ignored.
        assertEquals(404, p.get("/" + "a".repeat(ServerLimits.MAX_PATH - 1)).statusCode());
        assertEquals(200, p.get(FIRST + "?q=" + "b".repeat(ServerLimits.MAX_TARGET - FIRST.length() - 3)).statusCode());

        // Far over the limits: a 414, or the JDK's own header limit closes the connection; never a hang.
        String huge = statusLine(p, ascii("GET /" + "a".repeat(1 << 20) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertTrue(huge.startsWith("HTTP/1.1 414") || huge.equals("closed"), huge);
        assertEquals(200, p.get(FIRST).statusCode(), "and the server goes on");
    }

    @Test
    void eventStreamsBeyondTheLimitAreTurnedAwayAndPagesAreStillServed() throws Exception {
        RunningPreview p = start();
        for (int i = 0; i < ServerLimits.EVENT_STREAMS; i++) {
            Socket stream = send(p, "GET " + ReloadScript.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertEquals("HTTP/1.1 200 OK", readLine(stream), "stream " + i);
        }
        String refused = statusLine(p, ascii("GET " + ReloadScript.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
        assertEquals(200, p.get(FIRST).statusCode());
        // Each stream registers just after its status line is sent.
        awaitTrue("all streams registered", () -> p.server.openEventStreams() >= ServerLimits.EVENT_STREAMS);
        assertEquals(ServerLimits.EVENT_STREAMS, p.server.openEventStreams());
    }

    private static long requestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("kiln-http")).count();
    }

    /** Request threads that are reading a request or answering one, not waiting for work. */
    private static long busyRequestThreads() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().getName().equals("kiln-http"))
                .filter(e -> java.util.Arrays.stream(e.getValue()).noneMatch(f -> f.getClassName().startsWith("java.util.concurrent.")
                        && f.getMethodName().equals("getTask")))
                .count();
    }

    /** Opens a connection, writes the text and leaves it open (closed after the test). */
    private Socket send(RunningPreview p, String text) throws IOException {
        Socket socket = new Socket("127.0.0.1", p.server.port());
        sockets.add(socket);
        socket.getOutputStream().write(ascii(text));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends the bytes on a new connection; the status line of the answer, or "closed". */
    private static String statusLine(RunningPreview p, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", p.server.port())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                return "closed"; // the server hung up while we were still sending
            }
            try {
                String line = readLine(socket);
                return line.isEmpty() ? "closed" : line;
            } catch (SocketTimeoutException e) {
                return "no answer within 10 s";
            } catch (SocketException e) {
                return "closed";
            }
        }
    }

    private static String readLine(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** Whether the server closes the connection within the time: the read ends or is reset. */
    private static boolean closedByServer(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // a 4xx answer may come first; read on until the end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
