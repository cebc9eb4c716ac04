package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln serve} under load: concurrent clients request a mix of pages, assets, feeds, missing
 * pages, redirects and HEADs while another thread keeps editing posts (and now and then breaks one
 * and fixes it), so rebuilds swap the site under the clients' feet. Every answer must be the
 * expected status with a complete body; any 5xx, short body, exception or timeout is an error.
 * Prints {@code load: N requests, 0 errors, p50 …, p99 …} and fails on any error.
 * <p>
 * {@code -Dkiln.load.requests=N} and {@code -Dkiln.load.clients=C} change the size; everything is
 * on 127.0.0.1 and bounded by {@link #DEADLINE}.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class PreviewLoadTest {
    private static final int REQUESTS = Integer.getInteger("kiln.load.requests", 20_000);
    private static final int CLIENTS = Integer.getInteger("kiln.load.clients", 50);
    /** About 23 s on 2 idle cores; generous for a loaded machine, where a hung server still fails. */
    private static final Duration DEADLINE = Duration.ofSeconds(300);
    /** One request: p99 is about 0.2 s on 2 idle cores; a request that takes this long has hung. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int POSTS = 30;
    private static final List<String> TAGS = List.of("java", "web", "tools", "life", "career", "c++");

    @TempDir
    Path tmp;

    private enum Kind { PAGE, ASSET, IMAGE, XML, MISSING, REDIRECT, HEAD }

    private record Target(Kind kind, String path) {}

    @Test
    void answersEveryRequestCompletelyWhileTheSiteIsRebuilt() throws Exception {
        Path root = tmp.resolve("site-src");
        byte[] photo = writeSite(root);
        try (RunningPreview preview = new RunningPreview(root)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + preview.server.port();
            List<Target> targets = targets(http, base);
            for (Target target : targets) { // every URL answers as expected before the load starts
                Optional<String> error = check(target, send(http, base, target), photo);
                error.ifPresent(e -> fail("before the load: " + e));
            }

            AtomicBoolean loadDone = new AtomicBoolean();
            AtomicInteger edits = new AtomicInteger();
            Thread editor = new Thread(() -> editWhileLoaded(root, loadDone, edits), "test-editor");
            editor.setDaemon(true);

            AtomicInteger errors = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Queue<String> firstErrors = new ConcurrentLinkedQueue<>();
            long[][] latencies = new long[CLIENTS][];
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            CountDownLatch finished = new CountDownLatch(CLIENTS);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                int count = REQUESTS / CLIENTS + (c < REQUESTS % CLIENTS ? 1 : 0);
                latencies[c] = new long[count];
                Thread thread = new Thread(() -> {
                    try {
                        Random random = new Random(1000L + client);
                        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                            Target target = pick(targets, random);
                            long start = System.nanoTime();
                            Optional<String> error;
                            try {
                                error = check(target, send(http, base, target), photo);
                            } catch (IOException | RuntimeException e) {
                                error = Optional.of(target.path() + ": " + e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            latencies[client][i] = System.nanoTime() - start;
                            done.incrementAndGet();
                            if (error.isPresent()) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 10) {
                                    firstErrors.add(error.get());
                                }
                            }
                        }
                    } finally {
                        finished.countDown();
                    }
                }, "test-client-" + c);
                thread.setDaemon(true);
                clients.add(thread);
            }

            long start = System.nanoTime();
            editor.start();
            clients.forEach(Thread::start);
            boolean inTime = finished.await(DEADLINE.toSeconds() + 15, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            loadDone.set(true);
            editor.join(5_000);
            clients.forEach(Thread::interrupt);

            int unfinished = REQUESTS - done.get();
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(n -> n > 0).sorted().toArray();
            int rebuilds = count(preview.out.toString(StandardCharsets.UTF_8), " rebuilt ");
            int failedRebuilds = count(preview.err.toString(StandardCharsets.UTF_8), "still serving the last good site");
            System.out.printf(Locale.ROOT,
                    "load: %d requests, %d errors, %d unfinished, p50 %d ms, p99 %d ms, max %d ms, %.1f s; "
                            + "%d clients, %d edits, %d rebuilds (%d failing on purpose)%n",
                    done.get(), errors.get(), unfinished, millis(all, 0.50), millis(all, 0.99), millis(all, 1.0),
                    elapsed / 1e9, CLIENTS, edits.get(), rebuilds, failedRebuilds);

            assertTrue(inTime, "the clients did not stop");
            assertEquals(0, errors.get(), "errors, the first ones:\n" + String.join("\n", firstErrors));
            assertEquals(0, unfinished, "requests left when the " + DEADLINE.toSeconds() + " s deadline passed");
            assertTrue(rebuilds >= 2 || elapsed < 2_000_000_000L,
                    "the site should have been rebuilt during the load; terminal said:\n" + preview.terminal());
            // After the load the server still answers, with the last edit served.
            HttpResponse<byte[]> home = send(http, base, new Target(Kind.PAGE, "/"));
            assertEquals(200, home.statusCode());
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, String base, Target target) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target.path())).timeout(REQUEST_TIMEOUT);
        if (target.kind() == Kind.HEAD) {
            request.method("HEAD", HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What is wrong with the answer, if anything. */
    private static Optional<String> check(Target target, HttpResponse<byte[]> response, byte[] photo) {
        int expected = switch (target.kind()) {
            case MISSING -> 404;
            case REDIRECT -> 302;
            default -> 200;
        };
        String what = target.kind() + " " + target.path();
        if (response.statusCode() != expected) {
            return Optional.of(what + ": status " + response.statusCode() + ", expected " + expected);
        }
        byte[] body = response.body();
        Optional<String> length = response.headers().firstValue("Content-Length");
        if (target.kind() == Kind.HEAD) {
            if (body.length != 0 || length.isEmpty() || Long.parseLong(length.get()) < 100) {
                return Optional.of(what + ": HEAD with a body of " + body.length + " bytes or Content-Length " + length);
            }
            return Optional.empty();
        }
        if (length.isEmpty() || Long.parseLong(length.get()) != body.length) {
            return Optional.of(what + ": Content-Length " + length + " but " + body.length + " bytes read");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (target.kind()) {
            case PAGE, MISSING -> text.stripTrailing().endsWith("</html>") && text.contains(ReloadScript.EVENTS_PATH)
                    ? Optional.empty() : Optional.of(what + ": HTML cut short: …" + tail(text));
            case XML -> text.stripTrailing().endsWith(">") ? Optional.empty() : Optional.of(what + ": XML cut short: …" + tail(text));
            case IMAGE -> Arrays.equals(photo, body) ? Optional.empty() : Optional.of(what + ": image bytes differ");
            case ASSET -> body.length > 0 ? Optional.empty() : Optional.of(what + ": empty");
            case REDIRECT -> response.headers().firstValue("Location").orElse("").equals(target.path() + "/")
                    ? Optional.empty() : Optional.of(what + ": redirected to " + response.headers().firstValue("Location"));
            case HEAD -> Optional.empty();
        };
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 60)).replace("\n", "\\n");
    }

    /** About 55% pages, 20% assets, 8% feeds and sitemap, 7% missing, 5% redirects, 5% HEAD. */
    private static Target pick(List<Target> targets, Random random) {
        int roll = random.nextInt(100);
        Kind kind = roll < 55 ? Kind.PAGE : roll < 70 ? Kind.ASSET : roll < 75 ? Kind.IMAGE : roll < 83 ? Kind.XML
                : roll < 90 ? Kind.MISSING : roll < 95 ? Kind.REDIRECT : Kind.HEAD;
        List<Target> ofKind = targets.stream().filter(t -> t.kind() == kind).toList();
        return ofKind.get(random.nextInt(ofKind.size()));
    }

    private static List<Target> targets(HttpClient http, String base) throws Exception {
        List<Target> targets = new ArrayList<>();
        List<String> pages = new ArrayList<>(List.of("/", "/posts/", "/tags/", "/about/", "/404.html"));
        for (int page = 2; page <= POSTS / 5; page++) {
            pages.add("/page/" + page + "/");
        }
        for (int n = 0; n < POSTS; n++) {
            pages.add(postUrl(n));
        }
        for (String tag : List.of("java", "web", "tools", "life", "career", "c-plus-plus")) {
            pages.add("/tags/" + tag + "/");
        }
        pages.forEach(p -> targets.add(new Target(Kind.PAGE, p)));
        pages.stream().limit(10).forEach(p -> targets.add(new Target(Kind.HEAD, p)));
        for (String xml : List.of("/feed.xml", "/sitemap.xml", "/tags/java/feed.xml", "/tags/c-plus-plus/feed.xml")) {
            targets.add(new Target(Kind.XML, xml));
        }
        // The theme's assets as the home page links them, and a stylesheet from content/.
        String home = new String(send(http, base, new Target(Kind.PAGE, "/")).body(), StandardCharsets.UTF_8);
        Matcher links = Pattern.compile("(?:href|src)=\"(/assets/[^\"?#]+)\"").matcher(home);
        while (links.find()) {
            if (targets.stream().noneMatch(t -> t.path().equals(links.group(1)))) {
                targets.add(new Target(Kind.ASSET, links.group(1)));
            }
        }
        assertTrue(targets.stream().anyMatch(t -> t.path().endsWith(".css")), "the home page links the theme's CSS:\n" + home);
        targets.add(new Target(Kind.ASSET, "/css/extra.css"));
        targets.add(new Target(Kind.ASSET, "/robots.txt"));
        targets.add(new Target(Kind.IMAGE, "/img/photo.png"));
        for (String missing : List.of("/no/such/page/", "/img/missing.png", "/2021/13/01/nothing/", "/tags/nope/", "/x.css")) {
            targets.add(new Target(Kind.MISSING, missing));
        }
        for (String redirect : List.of("/about", "/posts", "/tags/java", postUrl(3).substring(0, postUrl(3).length() - 1))) {
            targets.add(new Target(Kind.REDIRECT, redirect));
        }
        return targets;
    }

    private static String postUrl(int n) {
        LocalDate date = LocalDate.of(2021, 1, 1).plusDays(n * 3L);
        return String.format(Locale.ROOT, "/%d/%02d/%02d/post-%d/", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), n);
    }

    private static Path postFile(Path root, int n) {
        return root.resolve("content/posts/" + LocalDate.of(2021, 1, 1).plusDays(n * 3L) + "-post-" + n + ".md");
    }

    private static String post(int n, String extra) {
        String tags = TAGS.get(n % TAGS.size()) + ", " + TAGS.get((n * 7 + 1) % TAGS.size());
        StringBuilder text = new StringBuilder("---\ntitle: \"Post " + n + extra + "\"\ntags: [" + tags + "]\n");
        if (n % 3 == 0) {
            text.append("background: /img/photo.png\n");
        }
        text.append("---\nThe excerpt of post ").append(n).append(extra).append(".\n\n");
        for (int p = 0; p < 4 + n % 5; p++) {
            text.append("Paragraph ").append(p).append(" with *emphasis*, a [link to the about page](/about/) and \"quotes\" -- ")
                    .append("some more words so that each page has a realistic size. ".repeat(6)).append("\n\n");
        }
        text.append("```java\nclass Post").append(n).append(" { }\n```\n\n## A heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        return text.toString();
    }

    /** 30 posts with tags, an about page, a 64 KiB image and a stylesheet; returns the image's bytes. */
    static byte[] writeSite(Path root) throws IOException {
        KilnRun.write(root.resolve("content/site.yml"), "title: Load Test\nurl: https://example.com\ntimezone: UTC\npaginate: 5\n");
        KilnRun.write(root.resolve("content/about.md"), "---\ntitle: About\n---\nAbout this blog.\n");
        KilnRun.write(root.resolve("content/css/extra.css"), "body { color: #222; }\n".repeat(50));
        for (int n = 0; n < POSTS; n++) {
            KilnRun.write(postFile(root, n), post(n, ""));
        }
        Path file = root.resolve("content/img/photo.png");
        dev.kiln.image.TestImages.write(dev.kiln.image.TestImages.photo(600, 300, 42, false), "png", file);
        return Files.readAllBytes(file);
    }

    /** Every 200 ms edits a post; every 7th edit breaks one post's front matter and the next fixes it. */
    private static void editWhileLoaded(Path root, AtomicBoolean loadDone, AtomicInteger edits) {
        long stop = System.nanoTime() + DEADLINE.toNanos();
        int broken = -1;
        for (int i = 1; !loadDone.get() && System.nanoTime() < stop; i++) {
            int n = i % POSTS;
            if (broken >= 0) {
                KilnRun.write(postFile(root, broken), post(broken, " (fixed " + i + ")"));
                broken = -1;
            } else if (i % 7 == 0) {
                broken = n;
                KilnRun.write(postFile(root, n), "---\ntitle: [never closed\n---\nBroken on purpose.\n");
            } else {
                KilnRun.write(postFile(root, n), post(n, " (edit " + i + ")"));
            }
            edits.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (broken >= 0) {
            KilnRun.write(postFile(root, broken), post(broken, " (fixed)"));
        }
    }

    private static long millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1e6);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
