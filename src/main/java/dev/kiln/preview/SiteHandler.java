package dev.kiln.preview;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers requests for the site as a static host would: {@code /x/} serves {@code x/index.html},
 * {@code /x} redirects to {@code /x/}, a missing file gets the theme's 404 page with status 404,
 * and the site lives under {@code baseurl}. HTML pages get the live-reload script, and the error
 * overlay while the site has errors; their links to the site's published address lead into the preview
 * ({@link OwnAddressLinks}). GET and HEAD only; nothing is cached.
 */
final class SiteHandler implements HttpHandler {
    /** A copied .html file larger than this is not decorated but served as missing; no page is 256 MB. */
    private static final long MAX_HTML_BYTES = 256L << 20;
    private final Supplier<SiteSnapshot> current;
    private final Path realRoot;

    SiteHandler(Supplier<SiteSnapshot> current, Path realRoot) {
        this.current = current;
        this.realRoot = realRoot;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("405 method not allowed: the preview serves GET and HEAD\n"));
                return;
            }
            Optional<String> decoded = RequestPath.decode(exchange.getRequestURI().getRawPath());
            if (decoded.isEmpty()) {
                send(exchange, 400, "text/plain; charset=utf-8", bytes("400 bad request: this path is not part of the site\n"));
                return;
            }
            serve(exchange, current.get(), decoded.get());
        }
    }

    private void serve(HttpExchange exchange, SiteSnapshot site, String path) throws IOException {
        String base = site.baseurl();
        if (!base.isEmpty()) {
            if (path.equals(base) || path.equals("/")) {
                redirect(exchange, base + "/");
                return;
            }
            if (!path.startsWith(base + "/")) {
                notFound(exchange, site);
                return;
            }
            path = path.substring(base.length());
        }
        String key = path.substring(1);
        if (key.isEmpty() || key.endsWith("/")) {
            serveFile(exchange, site, key + "index.html", 200);
        } else if (site.files().containsKey(key)) {
            serveFile(exchange, site, key, 200);
        } else if (site.files().containsKey(key + "/index.html")) {
            redirect(exchange, exchange.getRequestURI().getRawPath() + "/");
        } else if (site.files().containsKey(key + ".html")) {
            serveFile(exchange, site, key + ".html", 200); // as GitHub Pages does for Jekyll-style .html permalinks
        } else {
            notFound(exchange, site);
        }
    }

    private void serveFile(HttpExchange exchange, SiteSnapshot site, String key, int status) throws IOException {
        ServedFile file = site.files().get(key);
        String type = ContentTypes.of(key);
        if (file != null && file.bytes() == null && !ContentTypes.isHtml(type)) {
            // Copied files are streamed from their source, never read whole: a video may be gigabytes.
            try (FileChannel channel = open(file)) {
                if (channel == null) {
                    notFound(exchange, site);
                } else {
                    sendRanged(exchange, type, channel.size(), channel, null);
                }
                return;
            }
        }
        byte[] body = file == null ? null : read(file);
        if (body == null) {
            notFound(exchange, site);
            return;
        }
        if (ContentTypes.isHtml(type)) {
            send(exchange, status, type, decorate(new String(body, StandardCharsets.UTF_8), site));
        } else {
            sendRanged(exchange, type, body.length, null, body);
        }
    }

    /**
     * Sends the file, or the one byte range a {@code Range} header asks for with 206 (416 when it
     * starts past the end); several ranges, or a conditional {@code If-Range}, get the whole file,
     * as RFC 9110 allows. The body comes from {@code channel} or from {@code bytes}.
     */
    private static void sendRanged(HttpExchange exchange, String type, long size, FileChannel channel, byte[] bytes) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        long start = 0;
        long length = size;
        int status = 200;
        if (range != null && !exchange.getRequestHeaders().containsKey("If-Range")) {
            long[] wanted = ByteRange.parse(range, size);
            if (wanted == ByteRange.UNSATISFIABLE) {
                headers.set("Content-Range", "bytes */" + size);
                send(exchange, 416, "text/plain; charset=utf-8", bytes("416 range not satisfiable: the file has " + size + " bytes\n"));
                return;
            }
            if (wanted != null) {
                start = wanted[0];
                length = wanted[1] - wanted[0] + 1;
                status = 206;
                headers.set("Content-Range", "bytes " + wanted[0] + "-" + wanted[1] + "/" + size);
            }
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        OutputStream body = exchange.getResponseBody();
        if (bytes != null) {
            body.write(bytes, (int) start, (int) length);
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = start;
        long end = start + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                // Shorter than when the headers went out: end the connection rather than send a short body as whole.
                throw new IOException("file shrank while being sent");
            }
            body.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private void notFound(HttpExchange exchange, SiteSnapshot site) throws IOException {
        ServedFile page = site.files().get("404.html");
        byte[] body = page == null ? null : read(page);
        String html = body != null ? new String(body, StandardCharsets.UTF_8)
                : "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><h1>Not found</h1><p>This site has no page here.</p></body></html>\n";
        send(exchange, 404, ContentTypes.of("404.html"), decorate(html, site));
    }

    /** Whether {@link #serve} answers this raw path (with the baseurl) with a file of the site, or a redirect to one. */
    private static boolean serves(SiteSnapshot site, String rawPath) {
        String base = site.baseurl();
        String path = RequestPath.decode(rawPath).orElse("");
        if (!path.startsWith(base + "/")) {
            return false;
        }
        String key = path.substring(base.length() + 1);
        return key.isEmpty() || key.endsWith("/") ? site.files().containsKey(key + "index.html")
                : site.files().containsKey(key) || site.files().containsKey(key + "/index.html")
                        || site.files().containsKey(key + ".html");
    }

    private static byte[] decorate(String html, SiteSnapshot site) {
        String local = OwnAddressLinks.local(html, site.siteUrl(), site.baseurl(), path -> serves(site, path));
        return ReloadScript.inject(local, site.version(), ErrorOverlay.html(site.errors())).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's bytes; a copied file is read now, from its source, and only while it still is a
     * file inside the site (it may have become a symlink to elsewhere since the build), else null.
     * Only HTML and the 404 page are read whole; other copied files are streamed ({@link #open}).
     */
    private byte[] read(ServedFile file) throws IOException {
        if (file.bytes() != null) {
            return file.bytes();
        }
        try (FileChannel channel = open(file)) {
            if (channel == null || channel.size() > MAX_HTML_BYTES) {
                return null;
            }
            return Channels.newInputStream(channel).readAllBytes();
        }
    }

    /** The copied file opened for reading, under the same conditions as {@link #read}; null if it is gone. */
    private FileChannel open(ServedFile file) throws IOException {
        try {
            Path real = file.copyFrom().toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                return null;
            }
            return FileChannel.open(real, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null; // deleted since the build; the rebuild that follows removes it
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
        // 302, not 301: browsers remember a 301, and the page may later become a file of that name.
        send(exchange, 302, "text/plain; charset=utf-8", bytes("Found: " + location + "\n"));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
