package dev.kiln.embed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches the thumbnails authors asked for ({@code thumbnail=true}) at build time, so that readers load
 * them from the site. A thumbnail already in the previous output is kept as it is, never fetched again:
 * a video's thumbnail is fetched once, like an image copy is made once.
 */
public final class EmbedThumbnails {
    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private final URI youtube;

    /** Thumbnails from YouTube's image host. */
    public EmbedThumbnails() {
        this(URI.create("https://i.ytimg.com/vi/"));
    }

    /** Thumbnails from {@code youtube}{@code ID/hqdefault.jpg}: a test points it at a local server. */
    public EmbedThumbnails(URI youtube) {
        this.youtube = youtube;
    }

    /** A thumbnail a page shows: its path in the output (model/SiteUrls decides it) and the video's id. */
    public record Wanted(String path, String id) {}

    /**
     * The thumbnail's bytes: those of {@code previousOutput}'s copy when it has one (may be null), else fetched.
     *
     * @throws IOException with a message for the author when it cannot be had
     */
    public byte[] fetch(Wanted wanted, Path previousOutput) throws IOException {
        if (previousOutput != null) {
            Path known = previousOutput.resolve(wanted.path());
            if (Files.isRegularFile(known) && isJpeg(Files.readAllBytes(known))) {
                return Files.readAllBytes(known);
            }
        }
        URI uri = youtube.resolve(wanted.id() + "/hqdefault.jpg");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri);
        } catch (IOException e) {
            throw new IOException("could not fetch " + uri + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        byte[] body = response.body();
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        if (body.length > MAX_BYTES || !isJpeg(body)) {
            throw new IOException(uri + " did not send a JPEG image");
        }
        return body;
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
    }
}
