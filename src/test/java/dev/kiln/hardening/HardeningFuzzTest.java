package dev.kiln.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, point 5: real posts and site.yml files (this repository's content and the test fixtures),
 * mutated with truncations, byte flips and inserted YAML and Markdown punctuation, each built by the
 * CLI in-process. Every case must exit 0 or 1 within the time bound, point its errors inside the
 * file, and leave the previous output as it was when it fails. Deterministic: case N always mutates
 * the same input (the inputs in turn, so each of the ~110 gets its share) the same way. The budget is
 * a number of cases, 1,000, the same work on any machine; {@code -Dfuzz.cases=N} runs more and
 * {@code -Dfuzz.seed=S} other mutations; a failure names its case and keeps its input.
 */
class HardeningFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x6B696C6EL); // "kiln"
    private static final int CASES = Integer.getInteger("fuzz.cases", 1000);
    private static final int WORKERS = 2;
    private static final long TIME_BOUND_SECONDS = 10;
    private static final Pattern HEADLINE = Pattern.compile("^(.+?):(-?\\d+):(-?\\d+): error: ", Pattern.MULTILINE);
    private static final String POST = "content/posts/2020-01-02-fuzz.md";
    private static final String CONFIG = "content/site.yml";
    private static final String PLAIN_CONFIG = "title: Fuzz\nurl: https://example.com\n";

    private static final String[] TOKENS = {
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!", "!!binary ", "!!python/object ", "|",
        ">", "#", "%YAML 1.2", "? ", "@", "`", "\t", "\n", "\r", "\r\n", "---", "\n---\n", "...", "\n...\n", "*", "**", "_",
        "```", "\n```\n", "~~~", "[x]", "](", "[^1]", "[^1]: ", "<", ">", "</", "<!--", "-->", "<!--more-->", "<script>",
        "{:", "{: .c #i}", "{:target=\"_blank\"}", "{#id}", "|", "| --- |", "\\", "\u0000", "\uFEFF", "\u2028", "\u00e9",
        "\uD83D\uDE00", "&amp;", "&#0;", "[TOC]", "* toc\n{:toc}", "](javascript:x)", "(", ")", "=", "+", "1. ", "    ",
    };
    private static final String[] LINES = {
        "title:", "title: [", "title: {", "title: \"", "title: *x", "title: &x [a, *x]", "tags: [a, [b]]", "tags: {a: b}",
        "tags: ../..", "tags: .", "date: 2019-02-30", "date: yesterday", "date: 2019-13-01 25:00", "date: [2020]",
        "date: 9999999-01-01", "date: 2020-01-01 10:00:00 +2500", "permalink: /../x", "permalink: C:\\x", "slug: ..",
        "slug: /etc", "slug:", "layout: nope", "layout: [post]", "background: javascript:alert(1)", "aliases: [../x]",
        "aliases: {a: b}", "draft: maybe", "published: 0", "paginate: 0", "paginate: -1", "timezone: Mars/Base",
        "url: ftp://x", "baseurl: ../x", "permalink: /:nope/", "menu: [{title: x}]", "menu: 5", "language: \u0000",
        "---", "...", "", "a: b: c", "  indented: x", "\tkey: tab", "<<: *a", "? complex", "- list item",
    };

    @TempDir
    Path tmp;

    private record Seed(String name, String target, byte[] bytes) {}

    private record Outcome(int exitCode, String err) {}

    @Test
    void mutatedPostsNeverCrashHangOrLoseThePreviousSite() throws Exception {
        List<Seed> seeds = seeds();
        assertTrue(seeds.size() > 20, "seeds: " + seeds.size());
        AtomicInteger next = new AtomicInteger();
        List<String> crashes = Collections.synchronizedList(new ArrayList<>());
        List<String> hangs = Collections.synchronizedList(new ArrayList<>());
        List<String> lostOutputs = Collections.synchronizedList(new ArrayList<>());
        List<String> badPositions = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failedBuilds = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong slowestMillis = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Path site = tmp.resolve("worker-" + w);
            running.add(workers.submit(() -> {
                runWorker(site, seeds, next, crashes, hangs, lostOutputs, badPositions, failedBuilds, slowestMillis);
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdownNow();
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        System.out.printf("fuzz: %d cases, %d crashes, %d hangs, %d lost outputs, %d errors outside their file"
                        + " (%d failed builds; %d s; slowest case %d ms, bound %d s; seed %d)%n",
                CASES, crashes.size(), hangs.size(), lostOutputs.size(), badPositions.size(), failedBuilds.get(), seconds,
                slowestMillis.get(), TIME_BOUND_SECONDS, SEED);
        List<String> problems = new ArrayList<>();
        problems.addAll(crashes);
        problems.addAll(hangs);
        problems.addAll(lostOutputs);
        problems.addAll(badPositions);
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())),
                "inputs of failing cases are kept in target/fuzz-failures/");
    }

    private void runWorker(Path site, List<Seed> seeds, AtomicInteger next, List<String> crashes, List<String> hangs,
                           List<String> lostOutputs, List<String> badPositions, AtomicInteger failedBuilds,
                           java.util.concurrent.atomic.AtomicLong slowestMillis) throws Exception {
        KilnRun.write(site.resolve("content/posts/2020-01-01-base.md"), "---\ntitle: Base\ntags: [base]\n---\nThe base post.\n");
        KilnRun.write(site.resolve(CONFIG), PLAIN_CONFIG);
        KilnRun first = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> previous = KilnRun.files(site.resolve("site"));
        // One thread per build, so a build that hangs can be abandoned and counted.
        ExecutorService builds = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-build");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int n = next.getAndIncrement(); n < CASES; n = next.getAndIncrement()) {
                Random random = new Random(SEED * 1_000_003L + n);
                Seed seed = seeds.get(n % seeds.size());
                byte[] mutated = mutate(seed.bytes(), random);
                String label = "case " + n + " (" + seed.name() + ")";
                Files.deleteIfExists(site.resolve(POST));
                KilnRun.write(site.resolve(CONFIG), PLAIN_CONFIG);
                Files.write(site.resolve(seed.target()), mutated);

                Future<Outcome> build = builds.submit(() -> {
                    try {
                        KilnRun run = KilnRun.of("build", "--source", site.toString());
                        return new Outcome(run.exitCode(), run.err());
                    } catch (Throwable t) {
                        return new Outcome(-1, "uncaught " + t);
                    }
                });
                Outcome outcome;
                long caseStart = System.nanoTime();
                try {
                    outcome = build.get(TIME_BOUND_SECONDS, TimeUnit.SECONDS);
                    slowestMillis.accumulateAndGet((System.nanoTime() - caseStart) / 1_000_000, Math::max);
                } catch (TimeoutException e) {
                    build.cancel(true);
                    hangs.add(label + ": no result after " + TIME_BOUND_SECONDS + " s");
                    keep(n, seed, mutated);
                    return; // the abandoned build may still write into this site; stop this worker
                }
                if ((outcome.exitCode() != 0 && outcome.exitCode() != 1) || outcome.err().contains("kiln: internal error")) {
                    crashes.add(label + ": exit " + outcome.exitCode() + ": " + outcome.err().lines().findFirst().orElse(""));
                    keep(n, seed, mutated);
                }
                Map<String, byte[]> now = KilnRun.files(site.resolve("site"));
                if (outcome.exitCode() == 0) {
                    previous = now;
                    continue;
                }
                failedBuilds.incrementAndGet();
                if (!sameFiles(previous, now)) {
                    lostOutputs.add(label + ": a failed build changed the output");
                    keep(n, seed, mutated);
                    previous = now;
                }
                String outside = positionOutsideItsFile(site, outcome.err());
                if (outside != null) {
                    badPositions.add(label + ": " + outside);
                    keep(n, seed, mutated);
                }
            }
        } finally {
            builds.shutdownNow();
        }
    }

    /** The first error whose line is not a line of its file, or null. */
    private static String positionOutsideItsFile(Path site, String err) throws IOException {
        Matcher m = HEADLINE.matcher(err);
        while (m.find()) {
            String file = m.group(1);
            int line = Integer.parseInt(m.group(2));
            int column = Integer.parseInt(m.group(3));
            if (file.startsWith("(bundled theme)/")) {
                continue;
            }
            Path path = site.resolve(file);
            if (!Files.isRegularFile(path)) {
                return m.group() + " names a file that does not exist";
            }
            byte[] bytes = Files.readAllBytes(path);
            int lines = lineCount(bytes);
            if (line < 1 || line > lines || column < 1) {
                return m.group() + " is outside the file's " + lines + " lines";
            }
            if (column > bytes.length + 1) {
                return m.group() + " is past the end of the file";
            }
        }
        return null;
    }

    /** Lines as an editor counts them; \r\n and a lone \r end a line as \n does. */
    static int lineCount(byte[] bytes) {
        int lines = 0;
        boolean open = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
                open = false;
            } else if (b != '\r') {
                open = true;
            }
        }
        return Math.max(1, lines + (open ? 1 : 0));
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    private static void keep(int n, Seed seed, byte[] mutated) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            Files.write(dir.resolve("case-" + n + "-" + Path.of(seed.target()).getFileName()), mutated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mutate(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length + 64);
        for (byte b : original) {
            bytes.add(b);
        }
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size() + 1);
            switch (random.nextInt(7)) {
                case 0 -> bytes.subList(at, bytes.size()).clear(); // truncation
                case 1 -> { // byte flip
                    if (!bytes.isEmpty()) {
                        int pos = Math.min(at, bytes.size() - 1);
                        bytes.set(pos, (byte) (random.nextBoolean() ? bytes.get(pos) ^ (1 << random.nextInt(8)) : random.nextInt(256)));
                    }
                }
                case 2, 3 -> insert(bytes, at, TOKENS[random.nextInt(TOKENS.length)]);
                case 4 -> bytes.subList(at, Math.min(bytes.size(), at + random.nextInt(40))).clear();
                case 5 -> insert(bytes, lineStart(bytes, at), LINES[random.nextInt(LINES.length)] + "\n");
                default -> { // a line repeated, as a bad copy and paste does
                    int from = lineStart(bytes, at);
                    int to = from;
                    while (to < bytes.size() && bytes.get(to) != '\n') {
                        to++;
                    }
                    List<Byte> line = new ArrayList<>(bytes.subList(from, Math.min(bytes.size(), to + 1)));
                    bytes.addAll(from, line);
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }

    private static void insert(List<Byte> bytes, int at, String token) {
        byte[] encoded = token.getBytes(StandardCharsets.UTF_8);
        List<Byte> list = new ArrayList<>(encoded.length);
        for (byte b : encoded) {
            list.add(b);
        }
        bytes.addAll(at, list);
    }

    private static int lineStart(List<Byte> bytes, int at) {
        int i = Math.min(at, bytes.size());
        while (i > 0 && bytes.get(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** Posts and pages of this repository and of every test fixture, and their site.yml files. */
    private static List<Seed> seeds() throws IOException {
        List<Path> roots = List.of(Path.of("content"), Path.of("src/test/resources/sites"), Path.of("src/test/resources/errors"),
                Path.of("src/test/resources/markdown"));
        List<Seed> seeds = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = file.getFileName().toString();
                    String path = file.toString().replace('\\', '/');
                    if (name.endsWith(".md") && !path.contains("/expected/")) {
                        seeds.add(new Seed(path, POST, Files.readAllBytes(file)));
                    } else if (name.equals("site.yml")) {
                        seeds.add(new Seed(path, CONFIG, Files.readAllBytes(file)));
                    }
                }
            }
        }
        return seeds;
    }
}
