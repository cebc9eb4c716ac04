package dev.kiln.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-Sent Events at {@value ReloadScript#EVENTS_PATH}: each open page holds one connection.
 * On connect a page gets the current state; after every rebuild every page gets the new one:
 * {@code site} (the version of the good site, and whether only CSS changed) and {@code errors}
 * (the overlay, empty when the site builds).
 */
final class ReloadChannel implements HttpHandler {
    private static final String CLOSE = "";
    private static final long KEEPALIVE_SECONDS = 15;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    /** Each stream holds a request thread while its page is open: never let them take every thread. */
    private final Semaphore streams = new Semaphore(ServerLimits.EVENT_STREAMS);
    private final Supplier<SiteSnapshot> current;
    private volatile boolean closed;

    ReloadChannel(Supplier<SiteSnapshot> current) {
        this.current = current;
    }

    /** Tells every open page about a new snapshot. */
    void publish(SiteSnapshot snapshot, String previousVersion, boolean cssOnly) {
        String message = siteEvent(snapshot.version(), previousVersion, cssOnly) + errorsEvent(snapshot);
        clients.forEach(queue -> queue.offer(message));
    }

    /** Ends every open event stream so the server can stop. */
    void close() {
        closed = true;
        clients.forEach(queue -> queue.offer(CLOSE));
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (!streams.tryAcquire()) {
                // The page's script tries again a second later, as after a restart.
                exchange.getResponseHeaders().set("Retry-After", "1");
                SiteHandler.send(exchange, 429, "text/plain; charset=utf-8", ("429 too many open pages: at most "
                        + ServerLimits.EVENT_STREAMS + " reload live\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                clients.add(queue);
                OutputStream body = exchange.getResponseBody();
                SiteSnapshot snapshot = current.get();
                send(body, "retry: 1000\n\n" + siteEvent(snapshot.version(), snapshot.version(), false) + errorsEvent(snapshot));
                while (!closed) {
                    String message = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                    if (CLOSE.equals(message)) {
                        break;
                    }
                    // A comment line when idle: proxies keep the stream open and a closed tab is noticed.
                    send(body, message == null ? ": keepalive\n\n" : message);
                }
            } catch (IOException | InterruptedException e) {
                // the page went away or the server is stopping: nothing to tell anyone
            } finally {
                clients.remove(queue);
                streams.release();
            }
        }
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String siteEvent(String version, String previous, boolean cssOnly) {
        return "event: site\ndata: {\"version\":\"" + version + "\",\"previous\":\"" + previous
                + "\",\"cssOnly\":" + cssOnly + "}\n\n";
    }

    /** The overlay as event data; it is one line, but a data field must never contain a raw newline. */
    private static String errorsEvent(SiteSnapshot snapshot) {
        String overlay = ErrorOverlay.html(snapshot.errors());
        return "event: errors\ndata: " + overlay.replace("\r", "").replace("\n", "\ndata: ") + "\n\n";
    }
}
