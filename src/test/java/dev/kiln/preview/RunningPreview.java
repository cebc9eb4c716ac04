package dev.kiln.preview;

import dev.kiln.KilnRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A preview server started in-process on a free port for one test, with an HTTP client and a
 * listener on its event stream, as a browser tab would have.
 * <p>
 * Tests never sleep for a fixed time: they wait for what they expect (an event, a page served with
 * some text, a line in the terminal), up to {@link #WAIT}. That bound is generous so the tests pass
 * on a loaded 2-core machine; it is only reached when the behaviour is wrong.
 */
final class RunningPreview implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final Path root;
    final PreviewServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch streamEnded = new CountDownLatch(1);
    private Stream<String> eventLines;

    record Event(String name, String data) {}

    /** A condition on what the server serves; may send requests. */
    interface Check {
        boolean holds() throws Exception;
    }

    RunningPreview(Path root) throws IOException {
        this(root, "127.0.0.1");
    }

    /** Listens on {@code host} ({@code --host}); requests still go to 127.0.0.1. */
    RunningPreview(Path root, String host) throws IOException {
        this(root, host, stage -> { });
    }

    /** {@code onStage} hears each stage of every build start, on the rebuild thread. */
    RunningPreview(Path root, String host, java.util.function.Consumer<String> onStage) throws IOException {
        this.root = root;
        this.server = PreviewServer.start(new PreviewSettings(root, host, 0, true),
                printing(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                KilnRun.CLOCK, onStage);
    }

    /**
     * The preview's messages as lines: successes on {@code out}, the rest on {@code err}, each diagnostic
     * by its headline (the CLI adds the source line and caret: ServeCommandTest).
     */
    static PreviewLog printing(PrintStream out, PrintStream err) {
        return new PreviewLog(diagnostics -> diagnostics.forEach(d -> err.println(d.headline())), out::println, err::println);
    }

    /** Opens the event stream as the reload script does, and returns the version it reports first. */
    String listen() throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("/_kiln/events").timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("event stream answered " + response.statusCode());
        }
        eventLines = response.body();
        Thread reader = new Thread(() -> {
            String name = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) eventLines::iterator) {
                    if (line.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
                    }
                }
            } catch (RuntimeException closed) {
                // the server stopped
            } finally {
                streamEnded.countDown();
            }
        }, "test-events");
        reader.setDaemon(true);
        reader.start();
        return version(await("site", e -> true));
    }

    /** Waits for the next event of that name matching the condition; fails after {@link #WAIT}. */
    Event await(String name, Predicate<Event> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + name + "' event within " + WAIT.toSeconds() + " s; terminal said:\n" + terminal());
            }
            if (event.name().equals(name) && condition.test(event)) {
                return event;
            }
        }
    }

    /** Waits for the reload event of a new site version and returns that version. */
    String awaitNewVersion(String previous) throws InterruptedException {
        return version(await("site", e -> !version(e).equals(previous)));
    }

    /** Waits for the overlay the browser would show; returns its HTML. */
    String awaitErrors() throws InterruptedException {
        return await("errors", e -> !e.data().isEmpty()).data();
    }

    /**
     * Waits until the check holds: it is tried now and again after each event the server sends (it
     * sends one after every rebuild), so a change that takes several rebuilds to show is waited for.
     * Needs {@link #listen()} first. Fails after {@link #WAIT}.
     */
    void awaitUntil(String what, Check check) throws Exception {
        if (eventLines == null) {
            throw new IllegalStateException("listen() first: the wait is for the server's events");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || events.poll(left, TimeUnit.NANOSECONDS) == null) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; terminal said:\n" + terminal());
            }
        }
    }

    /** Waits until {@code path} is served with status 200 and a body containing {@code text}. */
    void awaitServed(String path, String text) throws Exception {
        awaitUntil(path + " served with '" + text + "'", () -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 && response.body().contains(text);
        });
    }

    /** Waits until {@code path} answers with that status. */
    void awaitStatus(String path, int status) throws Exception {
        awaitUntil(path + " answers " + status, () -> get(path).statusCode() == status);
    }

    /**
     * Waits for the terminal to show the text. The server prints its line for a rebuild just after
     * it tells the pages, so a test that has seen the event waits for the line too.
     */
    void awaitTerminal(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!terminal().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal did not show '" + text + "' within " + WAIT.toSeconds() + " s:\n" + terminal());
            }
            Thread.sleep(10); // polling what is printed; the bound above is what the test waits for
        }
    }

    /** Waits until the server has ended the event stream opened by {@link #listen()}. */
    void awaitStreamEnd() throws InterruptedException {
        if (!streamEnded.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the event stream was still open " + WAIT.toSeconds() + " s later");
        }
    }

    static String version(Event site) {
        return field(site, "version");
    }

    /** The version the page had before: equal to {@link #version} when no output changed. */
    static String previous(Event site) {
        return field(site, "previous");
    }

    private static String field(Event site, String name) {
        String data = site.data();
        int start = data.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return data.substring(start, data.indexOf('"', start));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Sends the request line exactly as written (HTTP clients normalize paths); returns status line and body. */
    String raw(String path) throws IOException {
        return rawRequest("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends the request exactly as written, on a new connection to 127.0.0.1; returns the whole answer. */
    String rawRequest(String requestText) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream request = socket.getOutputStream();
            request.write(requestText.getBytes(StandardCharsets.ISO_8859_1));
            request.flush();
            InputStream response = socket.getInputStream();
            return new String(response.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(WAIT);
    }

    String terminal() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    void write(String relative, String text) {
        KilnRun.write(root.resolve(relative), text);
    }

    /**
     * Writes the file as many editors save: a hidden temporary file renamed over it, so the watcher
     * sees one change and no rebuild can read the file half-written.
     */
    void writeAtomically(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Path temporary = file.resolveSibling("." + file.getFileName() + ".kiln-test-save");
        KilnRun.write(temporary, text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        server.close();
        if (eventLines != null) {
            eventLines.close();
        }
    }

    static void writeSite(Path root) {
        KilnRun.write(root.resolve("content/site.yml"), "title: Preview Test\nurl: https://example.com\ntimezone: UTC\n");
        KilnRun.write(root.resolve("content/posts/2020-01-01-first.md"),
                "---\ntitle: First post\ntags: [java]\n---\nThe first body.\n");
        KilnRun.write(root.resolve("content/posts/2020-02-02-second.md"),
                "---\ntitle: Second post\ntags: [java, web]\n---\nThe second body.\n");
        KilnRun.write(root.resolve("content/about.md"), "---\ntitle: About\n---\nAbout this blog.\n");
    }
}
