package dev.kiln.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, point 1: a build that fails or is killed while writing leaves the previous site complete
 * and byte-identical, and the next build cleans up after it. (Issue 19's output folder of the author's:
 * {@link HardeningOutputFolderTest}.)
 */
class HardeningAtomicOutputTest {
    private static final SourcePosition ORIGIN = SourcePosition.startOf(Path.of("content/test.md"));

    @TempDir
    Path tmp;

    private static OutputPlan plan(OutputFile... files) {
        Diagnostics diagnostics = new Diagnostics();
        OutputPlan plan = OutputPlan.of(List.of(files), diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        return plan;
    }

    private static OutputFile page(String path, String text) {
        return OutputFile.of(path, text.getBytes(StandardCharsets.UTF_8), ORIGIN);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    /** Work folders of a build, next to the output folder or in it. */
    private List<String> leftovers() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tmp, 2)) {
            walk.map(p -> tmp.relativize(p).toString()).filter(n -> n.contains(".kiln-") && !n.endsWith(SiteWriter.MARKER)
                    && !n.endsWith(".kiln-images")).sorted().forEach(found::add);
        }
        return found;
    }

    @Test
    void aWriteThatFailsMidwayLeavesThePreviousSiteByteIdentical() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "old home"), page("a/index.html", "old a")), output);
        Map<String, byte[]> before = KilnRun.files(output);

        Path vanished = tmp.resolve("content/img/deleted-after-scanning.jpg");
        OutputPlan failing = plan(page("index.html", "new home"), page("b/index.html", "new b"),
                OutputFile.copy("img/deleted-after-scanning.jpg", vanished, ORIGIN), page("z/index.html", "written after"));

        OutputException e = assertThrows(OutputException.class, () -> new SiteWriter().write(failing, output));
        assertEquals(List.of(new OutputProblem("content/test.md", true, "cannot be copied: it does not exist (it may have been"
                + " deleted during the build); nothing was written", null)), e.problems());
        assertTrue(e.siteUnchanged());

        assertSameFiles(before, KilnRun.files(output));
        assertEquals(List.of(), leftovers(), "the half-written staging folder is removed");
    }

    @Test
    void aPathThatWouldLeaveTheOutputIsRefusedAndNothingIsWritten() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "old home")), output);
        Map<String, byte[]> before = KilnRun.files(output);

        for (String escape : List.of("../escaped.html", "a/../../escaped.html", "/tmp/escaped.html")) {
            OutputException e = assertThrows(OutputException.class,
                    () -> new SiteWriter().write(plan(page("index.html", "new"), page(escape, "x")), output), escape);
            assertTrue(e.getMessage().contains("outside the output folder"), e.toString());
        }

        assertFalse(Files.exists(tmp.resolve("escaped.html")));
        assertSameFiles(before, KilnRun.files(output));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void filesOfTheEarlierBuildThatTheNewOneDoesNotWriteAreRemoved() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "v1"), page("gone/index.html", "removed in v2")), output);
        assertTrue(Files.exists(output.resolve(SiteWriter.MARKER)));

        new SiteWriter().write(plan(page("index.html", "v2")), output);

        assertEquals(java.util.Set.of(SiteWriter.MARKER, "index.html"), KilnRun.files(output).keySet());
        assertFalse(Files.exists(output.resolve("gone")), "its emptied folder goes too");
        assertEquals("v2", KilnRun.read(output.resolve("index.html")));
    }

    @Test
    void theCliRefusesAFileAsOutputAndLeavesIt() throws IOException {
        KilnRun.write(tmp.resolve("content/posts/2020-05-01-hello.md"), "---\ntitle: Hello\n---\nHi.\n");
        Path file = tmp.resolve("notes.txt");
        KilnRun.write(file, "my notes");

        KilnRun run = KilnRun.of("build", "--source", tmp.toString(), "--output", file.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("notes.txt: error: is a file, not a folder"), run.err());
        assertEquals("my notes", KilnRun.read(file));
    }

    @Test
    void cleaningUpLeftoversTouchesOnlyKilnsOwnWorkFolders() throws Exception {
        Path output = tmp.resolve("site");
        KilnRun.write(output.resolve(".kiln-new-0000/files/index.html"), "half written");
        KilnRun.write(output.resolve(".kiln-old-1111/about/index.html"), "moved aside by a build that then committed");
        KilnRun.write(output.resolve(".kiln-notes"), "a file of the author's that happens to look similar");
        KilnRun.write(tmp.resolve(".site.kiln-new-2222/index.html"), "left by an older Kiln next to the output: not touched");

        new SiteWriter().write(plan(page("index.html", "home")), output);

        assertEquals(List.of(".site.kiln-new-2222", ".site.kiln-new-2222/index.html", "site/.kiln-notes"), leftovers());
    }

    /**
     * A real kill -9 of a separate JVM while it writes a big site. The previous site must be complete
     * and unchanged, and the next build must succeed and remove what the killed one left behind.
     */
    @Test
    void aBuildKilledWhileWritingLeavesThePreviousSiteAndTheNextBuildRecovers() throws Exception {
        Path site = tmp.resolve("blog");
        int posts = 20;
        for (int i = 0; i < posts; i++) {
            KilnRun.write(site.resolve(String.format("content/posts/2020-%02d-%02d-post-%d.md", 1 + i % 12, 1 + i % 28, i)),
                    "---\ntitle: Post " + i + "\ntags: [t" + (i % 20) + "]\n---\nBody of post " + i + ".\n");
        }
        byte[] image = new byte[128 * 1024];
        new java.util.Random(6).nextBytes(image);
        for (int i = 0; i < 400; i++) {
            Path file = site.resolve("content/img/photo-" + i + ".jpg");
            Files.createDirectories(file.getParent());
            Files.write(file, image);
        }
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        Path output = site.resolve("site");

        // The child is killed once its staging folder holds 50 files. On a busy machine this test may
        // not get to look while the child writes, and the child ends by itself: then its site is the one
        // to keep, and another build with a new post gets killed instead (a few tries, not a fixed time).
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, byte[]> before = null;
        Path staging = null;
        long killedAfter = 0;
        String newPage = null;
        List<Integer> endedByThemselves = new ArrayList<>();
        for (int attempt = 1; staging == null && attempt <= 5; attempt++) {
            before = KilnRun.files(output);
            KilnRun.write(site.resolve("content/posts/2021-01-0" + attempt + "-new.md"), "---\ntitle: New\n---\nA new post.\n");
            // Touched photos are copied again (unchanged files are left alone): a build with much to write.
            FileTime touched = FileTime.fromMillis(1_600_000_000_000L + attempt * 1000L);
            for (int i = 0; i < 400; i++) {
                Files.setLastModifiedTime(site.resolve("content/img/photo-" + i + ".jpg"), touched);
            }
            newPage = "2021/01/0" + attempt + "/new/index.html";
            long started = System.nanoTime();
            // C1 only: the child starts writing sooner, which keeps the test short.
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "dev.kiln.Main", "build", "--source", site.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline) {
                staging = stagingWithFiles(site, 50);
                if (staging != null) {
                    break;
                }
                Thread.sleep(1);
            }
            killedAfter = (System.nanoTime() - started) / 1_000_000;
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            if (staging == null) {
                assertEquals(0, child.exitValue(), "a child not caught writing finished its build: " + KilnRun.read(tmp.resolve("child.log")));
                endedByThemselves.add(attempt);
            } else {
                assertTrue(child.exitValue() != 0, "killed, not finished");
            }
        }
        assertTrue(staging != null, "the child must be killed while writing; builds " + endedByThemselves
                + " ended by themselves; the last one's output: " + KilnRun.read(tmp.resolve("child.log")));

        Map<String, byte[]> after = KilnRun.files(output);
        assertTrue(after.remove(OutputLock.NAME) != null, "the killed build's lock file stays, unlocked: the next build takes it over");
        assertSameFiles(before, after);
        System.out.printf("kill: build JVM killed %d ms after start while writing %s; previous site (%d files) intact"
                + " (builds that ended before they were caught: %s)%n", killedAfter, staging.getFileName(), before.size(), endedByThemselves);

        KilnRun next = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, next.exitCode(), next.err());
        try (Stream<Path> list = Files.list(output)) {
            assertEquals(List.of(), list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".kiln-") && !n.equals(SiteWriter.MARKER) && !n.equals(".kiln-images")).toList());
        }
        assertTrue(Files.exists(output.resolve(newPage)));
    }

    /** The killed build's staging folder once it holds at least {@code files} files, else null. */
    private static Path stagingWithFiles(Path parent, int files) throws IOException {
        List<Path> staging = new ArrayList<>();
        try (Stream<Path> list = Files.list(parent.resolve("site"))) {
            list.filter(p -> p.getFileName().toString().startsWith(".kiln-new-")).forEach(staging::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        for (Path dir : staging) {
            try (Stream<Path> walk = Files.walk(dir)) {
                if (walk.limit(files + 1L).count() > files) {
                    return dir;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // the writer is creating folders as we look; look again
            }
        }
        return null;
    }
}
