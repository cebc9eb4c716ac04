package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6, point 7: {@code kiln check} reports every problem a build would, and writes nothing. */
class CheckCommandTest {
    @TempDir
    Path site;

    private void post(String name, String text) {
        KilnRun.write(site.resolve("content/posts").resolve(name), text);
    }

    private List<String> filesOfTheSiteFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void helpDescribesTheCommandOnStdout() {
        KilnRun run = KilnRun.of("check", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: kiln check [--source DIR]"), run.out());
        assertTrue(run.out().contains("Writes nothing."), run.out());
        assertEquals("", run.err());
        assertTrue(KilnRun.of("--help").out().contains("check     report every problem"));
    }

    @Test
    void aGoodSiteExits0AndNothingIsWritten() throws IOException {
        KilnRun.write(site.resolve("content/site.yml"), "url: https://good.example.org\n");
        post("2020-05-01-hello.md", "---\ntitle: Hello\ntags: [a]\n---\nHi, see [the other post](/2020/05/02/other/).\n");
        post("2020-05-02-other.md", "---\ntitle: Other\n---\nHo.\n");
        List<String> before = filesOfTheSiteFolder();

        KilnRun run = KilnRun.of("check", "--source", site.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("No problems found in \\d+ pages \\(\\d+ files\\); nothing was written\\n"), run.out());
        assertEquals("", run.err());
        assertEquals(before, filesOfTheSiteFolder());
    }

    @Test
    void aBrokenSiteGetsEveryProblemReportedAndNothingIsTouched() throws IOException {
        post("2020-05-01-hello.md", "---\ntitle: Hello\ndate: 2019-02-30\n---\nHi.\n");
        post("2020-05-02-slug.md", "---\ntitle: Slug\nslug: ../../etc\n---\nHo.\n");
        post("2020-05-03-yaml.md", "---\ntitle: [open\n---\nHo.\n");
        KilnRun.write(site.resolve("site/precious.txt"), "not Kiln's, and check does not care");
        List<String> before = filesOfTheSiteFolder();

        KilnRun run = KilnRun.of("check", "--source", site.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        List<String> headlines = run.err().lines().filter(l -> l.startsWith("content/")).toList();
        assertEquals(3, headlines.size(), run.err());
        assertTrue(headlines.get(0).startsWith("content/posts/2020-05-01-hello.md:3:7: error: date '2019-02-30'"), run.err());
        assertTrue(headlines.get(1).startsWith("content/posts/2020-05-02-slug.md:3:7: error: slug '../../etc'"), run.err());
        assertTrue(headlines.get(2).startsWith("content/posts/2020-05-03-yaml.md:2:8: error: front matter: the [ list is never closed"),
                run.err());
        assertTrue(run.err().endsWith("3 errors in 3 files (N ms); nothing was written\n"), run.err());
        assertEquals(before, filesOfTheSiteFolder());
    }

    @Test
    void brokenLinksAreReportedUnlessLeftOut() {
        post("2020-05-02-links.md", "---\ntitle: Links\n---\nSee [nothing](/no/such/page/).\n");
        KilnRun run = KilnRun.of("check", "--source", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2020-05-02-links.md:4:"), run.err());
        assertTrue(run.err().endsWith("1 error in 1 file (N ms); nothing was written\n"), run.err());
        assertEquals(0, KilnRun.of("check", "--source", site.toString(), "--no-check-links").exitCode());
    }

    @Test
    void badUsageExits2() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\n---\nHi.\n");
        KilnRun withOutput = KilnRun.of("check", "--source", site.toString(), "--output", site.resolve("out").toString());
        assertEquals(2, withOutput.exitCode());
        assertEquals("kiln: check writes nothing, so it takes no --output\nRun 'kiln check --help' for usage.\n", withOutput.err());
        assertFalse(Files.exists(site.resolve("out")));

        KilnRun noContent = KilnRun.of("check", "--source", site.resolve("nowhere").toString());
        assertEquals(2, noContent.exitCode());
        assertTrue(noContent.err().contains("content does not exist"), noContent.err());
    }

    /** check and build must agree: every error fixture gets the same diagnostics from both. */
    @TestFactory
    Stream<DynamicTest> reportsWhatBuildReportsForEveryErrorFixture() throws IOException {
        Path fixtures = Path.of("src/test/resources/errors");
        List<Path> cases;
        try (Stream<Path> list = Files.list(fixtures)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path copy = KilnRun.copyResource("errors/" + c.getFileName(), site.resolve(c.getFileName().toString()));
            String expected = KilnRun.read(copy.resolve("expected-errors.txt"));
            Files.delete(copy.resolve("expected-errors.txt"));

            KilnRun run = KilnRun.of("check", "--source", copy.toString());

            assertEquals(1, run.exitCode());
            assertEquals(withoutSummary(expected), withoutSummary(run.err()));
            assertTrue(run.err().endsWith("; nothing was written\n"), run.err());
            assertFalse(Files.exists(copy.resolve("site")));
        }));
    }

    private static String withoutSummary(String err) {
        String trimmed = err.stripTrailing();
        return trimmed.substring(0, trimmed.lastIndexOf('\n') + 1);
    }
}
