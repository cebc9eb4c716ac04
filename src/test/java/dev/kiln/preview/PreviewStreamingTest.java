package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 6: static files are streamed from disk, never read whole, and a {@code Range}
 * request gets the bytes it asks for (a video can seek, a download can resume).
 */
@Timeout(300)
class PreviewStreamingTest {
    private static final String CLIP = "/media/clip.bin";

    @TempDir
    Path tmp;

    private RunningPreview preview;
    private final HttpClient http = HttpClient.newBuilder().build();

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(RunningPreview.WAIT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aRangeRequestGetsTheBytesItAsksForWith206() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        byte[] clip = new byte[300_000];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (byte) (i * 31 + i / 256);
        }
        Files.createDirectories(site.resolve("content/media"));
        Files.write(site.resolve("content/media/clip.bin"), clip);
        preview = new RunningPreview(site);
        int size = clip.length;

        HttpResponse<byte[]> whole = get(CLIP);
        assertEquals(200, whole.statusCode());
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertArrayEquals(clip, whole.body());

        HttpResponse<byte[]> middle = get(CLIP, "Range", "bytes=100000-100099");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100000-100099/" + size, header(middle, "Content-Range"));
        assertEquals("100", header(middle, "Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(clip, 100_000, 100_100), middle.body());

        HttpResponse<byte[]> open = get(CLIP, "Range", "bytes=299990-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(clip, 299_990, size), open.body());
        HttpResponse<byte[]> suffix = get(CLIP, "Range", "bytes=-7");
        assertEquals("bytes " + (size - 7) + "-" + (size - 1) + "/" + size, header(suffix, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(clip, size - 7, size), suffix.body());
        HttpResponse<byte[]> pastEnd = get(CLIP, "Range", "bytes=299999-500000");
        assertEquals(206, pastEnd.statusCode());
        assertArrayEquals(new byte[] {clip[size - 1]}, pastEnd.body());

        for (String unsatisfiable : List.of("bytes=300000-", "bytes=400000-400010", "bytes=-0")) {
            HttpResponse<byte[]> refused = get(CLIP, "Range", unsatisfiable);
            assertEquals(416, refused.statusCode(), unsatisfiable);
            assertEquals("bytes */" + size, header(refused, "Content-Range"), unsatisfiable);
        }
        // Several ranges, a range that is not bytes, or garbage: the whole file, as RFC 9110 allows.
        for (String ignored : List.of("bytes=0-1,5-6", "lines=1-2", "bytes=abc", "bytes=9-3", "bytes=-")) {
            HttpResponse<byte[]> full = get(CLIP, "Range", ignored);
            assertEquals(200, full.statusCode(), ignored);
            assertArrayEquals(clip, full.body(), ignored);
        }

        HttpResponse<byte[]> head = send("HEAD", CLIP, "Range", "bytes=10-19");
        assertEquals(206, head.statusCode());
        assertEquals("10", header(head, "Content-Length"));
        assertEquals(0, head.body().length);
        HttpResponse<byte[]> headWhole = send("HEAD", CLIP);
        assertEquals(String.valueOf(size), header(headWhole, "Content-Length"));

        // Files built in memory take ranges too; pages do not (each is decorated with the reload script).
        HttpResponse<byte[]> index = get("/search/index.json");
        HttpResponse<byte[]> indexStart = get("/search/index.json", "Range", "bytes=0-9");
        assertEquals(206, indexStart.statusCode());
        assertArrayEquals(Arrays.copyOf(index.body(), 10), indexStart.body());
        HttpResponse<byte[]> page = get("/about/", "Range", "bytes=0-9");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("About this blog."));
    }

    /**
     * A 2 GiB file (sparse: it takes no disk) is served whole by a preview in a JVM with a 100 MB
     * heap; read whole into memory, as before, it threw OutOfMemoryError and sent nothing.
     */
    @Test
    void aTwoGigabyteFileStreamsFromAServerWithA100MegabyteHeap() throws Exception {
        Path site = tmp.resolve("big-site");
        RunningPreview.writeSite(site);
        Files.createDirectories(site.resolve("content/media"));
        long size = 2L << 30;
        try (RandomAccessFile big = new RandomAccessFile(site.resolve("content/media/big.bin").toFile(), "rw")) {
            big.setLength(size);
            big.seek(size - 4);
            big.write(new byte[] {'e', 'n', 'd', '!'});
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(java, "-Xmx100m", "-cp", System.getProperty("java.class.path"),
                "dev.kiln.Main", "serve", "--source", site.toString(), "--port", "0"))
                .redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        try {
            int port = awaitPort(server, output);
            long start = System.nanoTime();
            long received;
            byte[] last = new byte[4];
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout((int) RunningPreview.WAIT.toMillis());
                OutputStream request = socket.getOutputStream();
                request.write("GET /media/big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                request.flush();
                InputStream in = socket.getInputStream();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200 ") && head.toLowerCase(Locale.ROOT).contains("content-length: " + size), head);
                received = 0;
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = Math.max(0, n - 4); i < n; i++) {
                        System.arraycopy(last, 1, last, 0, 3);
                        last[3] = buffer[i];
                    }
                    received += n;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "streaming: %,d bytes from a -Xmx100m preview in %d ms%n", received, millis);
            assertEquals(size, received);
            assertEquals("end!", new String(last, StandardCharsets.ISO_8859_1));
            assertTrue(server.isAlive(), "the server is still up");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertTrue(!output.toString().contains("OutOfMemoryError"), output.toString());
    }

    /** Reads the child's output into {@code output} on a thread of its own; returns the port once it prints its address. */
    private static int awaitPort(Process server, StringBuffer output) throws Exception {
        Pattern serving = Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher found = serving.matcher(line);
                    if (found.find()) {
                        port.complete(Integer.parseInt(found.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new AssertionError("the server stopped without serving:\n" + output));
        }, "test-child-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(RunningPreview.WAIT.toSeconds() * 2, TimeUnit.SECONDS);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
