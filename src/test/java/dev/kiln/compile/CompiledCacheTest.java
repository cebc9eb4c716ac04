package dev.kiln.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown bodies kept in .kiln-cache/compiled: what a second process reuses, and what makes it compile again. */
class CompiledCacheTest {
    @TempDir
    Path site;

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }

    private void blog(String baseurl) {
        write("content/site.yml", "title: T\nurl: https://t.example\n" + baseurl);
        write("content/posts/2024-01-01-first.md", "---\ntitle: First\ntags: [a]\n---\nHello *world*, see [the second]({% post_url 2024-01-02-second %}).\n");
        write("content/posts/2024-01-02-second.md", "---\ntitle: Second\n---\n## A heading\n\n```java\nclass A {}\n```\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout {{ site.title }}.\n");
    }

    /** The "Markdown bodies" line of --profile: compiled, and taken from the cache. */
    private int[] bodies(KilnRun run) {
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = Pattern.compile("Markdown bodies: (\\d+) compiled, (\\d+) from .kiln-cache").matcher(run.out());
        assertTrue(m.find(), run.out());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private KilnRun build() {
        return KilnRun.of("build", "--profile", "--source", site.toString());
    }

    /** The site a build without any cache makes of the same files. */
    private Map<String, byte[]> cold() throws Exception {
        Path copy = Files.createTempDirectory(site.getParent(), "cold");
        KilnRun.write(copy.resolve("content/site.yml"), Files.readString(site.resolve("content/site.yml")));
        try (var files = Files.walk(site.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                KilnRun.write(copy.resolve(site.relativize(f)), Files.readString(f));
            }
        }
        assertEquals(0, KilnRun.of("build", "--source", copy.toString()).exitCode());
        return KilnRun.files(copy.resolve("site"));
    }

    private void assertSameSite(Map<String, byte[]> expected) {
        Map<String, byte[]> actual = KilnRun.files(site.resolve("site"));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    @Test
    void aSecondBuildTakesEveryBodyFromTheCacheAndWritesTheSameSite() throws Exception {
        blog("");
        assertArrayEquals(new int[] {3, 0}, bodies(build()));
        assertTrue(Files.isRegularFile(site.resolve(".kiln-cache/compiled")));
        assertArrayEquals(new int[] {0, 3}, bodies(build()));
        assertSameSite(cold());
    }

    @Test
    void anEditedPostIsCompiledAgainAndSoIsAPostWhoseLinkItAnswersChanged() throws Exception {
        blog("");
        bodies(build());
        write("content/posts/2024-01-02-second.md", "---\ntitle: Second\npermalink: /second/\n---\nNew text.\n");
        // the second post changed; the first asked for its URL (post_url), which changed too
        assertArrayEquals(new int[] {2, 1}, bodies(build()));
        assertTrue(KilnRun.read(site.resolve("site/2024/01/01/first/index.html")).contains("href=\"/second/\""));
        assertSameSite(cold());
        assertArrayEquals(new int[] {0, 3}, bodies(build()));
    }

    @Test
    void otherSettingsOrADamagedCacheCompileEverythingAndNothingBreaks() throws Exception {
        blog("");
        bodies(build());
        blog("baseurl: /blog\n");
        assertArrayEquals(new int[] {3, 0}, bodies(build()), "another baseurl: every body again");
        assertSameSite(cold());
        Path cache = site.resolve(".kiln-cache/compiled");
        byte[] whole = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertArrayEquals(new int[] {3, 0}, bodies(build()), "a truncated cache is not read");
        assertSameSite(cold());
        assertArrayEquals(new int[] {0, 3}, bodies(build()), "and was written anew");
        Files.writeString(cache, "not a cache");
        assertArrayEquals(new int[] {3, 0}, bodies(build()));
    }

    @Test
    void aBodyWithAnErrorReportsItFromTheCacheToo() {
        write("content/site.yml", "title: T\nurl: https://t.example\n");
        write("content/posts/2024-01-01-broken.md", "---\ntitle: Broken\n---\nText\n\n{% post_url 2099-01-01-nothing %}\n");
        KilnRun first = KilnRun.of("build", "--source", site.toString());
        KilnRun second = KilnRun.of("build", "--source", site.toString());
        assertEquals(1, first.exitCode());
        assertEquals(KilnRun.withoutTimes(first.err()), KilnRun.withoutTimes(second.err()));
        assertTrue(first.err().contains("content/posts/2024-01-01-broken.md:6:"), first.err());
    }
}
