package dev.kiln.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.KilnRun;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, items 1, 3 and 5: the output folder is the author's. Kiln replaces or removes only the
 * files its manifest says it wrote, keeps the rest, refuses to overwrite a foreign file, writes
 * through a symbolic link and inside a mount point, tells the truth about files it cannot delete,
 * and lets one build at a time write. Faults the machine cannot make on demand (a full disk, a mount
 * point, a file in use) go through {@link FileOperations}; the real ones (an immutable file, git,
 * two processes) are used where this machine has them.
 */
class HardeningOutputFolderTest {
    private static final SourcePosition ORIGIN = SourcePosition.startOf(Path.of("content/test.md"));

    @TempDir
    Path tmp;

    private Path site() {
        KilnRun.write(tmp.resolve("blog/content/site.yml"), "title: Blog\nurl: https://blog.example.org\n");
        KilnRun.write(tmp.resolve("blog/content/posts/2020-05-01-hello.md"), "---\ntitle: Hello\n---\nHi.\n");
        KilnRun.write(tmp.resolve("blog/content/posts/2020-05-02-second.md"), "---\ntitle: Second\n---\nAgain.\n");
        return tmp.resolve("blog");
    }

    private static KilnRun build(Path site, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--source", site.toString()));
        args.addAll(List.of(more));
        return KilnRun.of(args.toArray(String[]::new));
    }

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

    /** Kiln's work folders and lock in {@code output}. */
    private static List<String> workFolders(Path output) throws IOException {
        try (Stream<Path> list = Files.list(output)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> OutputPlan.isReserved(n) && !n.equals(SiteWriter.MARKER))
                    .sorted().toList();
        }
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, git.exitValue(), output);
        return output;
    }

    private static boolean hasGit() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // Item 1: files Kiln did not write are kept.

    /**
     * The issue's command: {@code kiln build; (cd site && git init -q && git add -A && git commit -qm deploy
     * && echo x > CNAME); kiln build}. Both survive, and git sees only what Kiln changed.
     */
    @Test
    void theIssuesCommandKeepsGitAndCnameAndGitSeesOnlyKilnsChanges() throws Exception {
        assumeTrue(hasGit(), "git is not installed");
        Path site = site();
        Path output = site.resolve("site");
        assertEquals(0, build(site).exitCode());
        git(output, "init", "-q");
        git(output, "add", "-A");
        git(output, "commit", "-qm", "deploy");
        Files.writeString(output.resolve("CNAME"), "x\n");

        KilnRun again = build(site);

        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.err());
        assertEquals("x\n", KilnRun.read(output.resolve("CNAME")));
        assertEquals("?? CNAME\n", git(output, "status", "--porcelain"), "an unchanged site changes nothing git sees");

        // A new post and a removed one: git sees exactly those pages and the pages that list posts.
        Files.delete(site.resolve("content/posts/2020-05-02-second.md"));
        KilnRun.write(site.resolve("content/posts/2020-05-03-third.md"), "---\ntitle: Third\n---\nThree.\n");
        Set<String> before = Manifest.read(output);
        KilnRun third = build(site);
        assertEquals(0, third.exitCode(), third.err());
        Set<String> after = Manifest.read(output);
        git(output, "add", "-A");
        for (String line : git(output, "status", "--porcelain", "--no-renames").split("\n")) {
            String path = line.substring(3);
            assertTrue(path.equals("CNAME") || path.equals(SiteWriter.MARKER) || before.contains(path) || after.contains(path), line);
        }
        String status = git(output, "status", "--porcelain", "--no-renames");
        assertTrue(status.contains("D  2020/05/02/second/index.html"), status);
        assertTrue(status.contains("A  2020/05/03/third/index.html"), status);
        assertTrue(Files.isDirectory(output.resolve(".git")));
    }

    /** A rebuild leaves files with the same bytes alone (rsync and a web server's caches see them untouched). */
    @Test
    void aRebuildTouchesOnlyTheFilesThatChanged() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("same/index.html", "same"), page("changed/index.html", "v1")), output);
        FileTime longAgo = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(output.resolve("same/index.html"), longAgo);

        new SiteWriter().write(plan(page("same/index.html", "same"), page("changed/index.html", "v2"), page("new/index.html", "n")),
                output);

        assertEquals(longAgo, Files.getLastModifiedTime(output.resolve("same/index.html")));
        assertEquals("v2", KilnRun.read(output.resolve("changed/index.html")));
        assertEquals("n", KilnRun.read(output.resolve("new/index.html")));
        assertEquals(Set.of("changed/index.html", "new/index.html", "same/index.html"), Manifest.read(output));
    }

    /**
     * Issue 21: a copied file (an image, or a resized copy from the image cache) whose source has a time
     * stamp in nanoseconds is not copied again by the next build, though the copy's time stamp keeps only
     * microseconds. It was: a warm build of the image-heavy bench blog copied 1,134 files (139 MB) again.
     */
    @Test
    void aRebuildDoesNotCopyAFileAgainWhoseSourceHasNanoseconds() throws Exception {
        Path photo = tmp.resolve("content/img/photo.jpg");
        KilnRun.write(photo, "a photo's bytes");
        Files.setLastModifiedTime(photo, FileTime.from(Instant.ofEpochSecond(1_600_000_000L, 123_456_789)));
        assumeTrue(Files.getLastModifiedTime(photo).to(TimeUnit.NANOSECONDS) % 1000 != 0,
                "this file system keeps no nanoseconds: nothing to show");
        Path output = tmp.resolve("site");
        AtomicInteger copies = new AtomicInteger();
        FileOperations counting = new FaultyDisk((op, path) -> false, null) {
            @Override
            public void copy(Path from, Path to) throws IOException {
                copies.incrementAndGet();
                super.copy(from, to);
            }
        };
        OutputPlan plan = plan(OutputFile.copy("img/photo.jpg", photo, ORIGIN), page("index.html", "home"));

        new SiteWriter(counting).write(plan, output);
        assertEquals(1, copies.get());
        new SiteWriter(counting).write(plan, output);

        assertEquals(1, copies.get(), "the second build copies nothing");
        assertEquals("a photo's bytes", KilnRun.read(output.resolve("img/photo.jpg")));
    }

    @Test
    void aForeignFileWhereKilnWritesIsAnErrorNamingItAndNothingIsWritten() throws IOException {
        Path site = site();
        KilnRun.write(site.resolve("content/about.md"), "---\ntitle: About\n---\nMe.\n");
        Path output = site.resolve("site");
        KilnRun.write(output.resolve("about/index.html"), "the author's own about page");
        KilnRun.write(output.resolve("notes.txt"), "the author's notes");

        KilnRun run = build(site);

        assertEquals(1, run.exitCode());
        assertEquals("site/about/index.html: error: was not written by Kiln, and content/about.md would replace it (hint: Kiln"
                + " replaces only the files it wrote, listed in .kiln-site; move or delete this one if Kiln should write there,"
                + " or give what writes there another path)\n"
                + "1 error writing the site; site/ was left unchanged\n", run.err());
        assertEquals(Set.of("about/index.html", "notes.txt"), KilnRun.files(output).keySet());

        Files.delete(output.resolve("about/index.html"));
        KilnRun fixed = build(site);
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertEquals("the author's notes", KilnRun.read(output.resolve("notes.txt")), "a folder that was not Kiln's is written into");
        assertFalse(Manifest.read(output).contains("notes.txt"));
    }

    @Test
    void keepProtectsFilesKilnWroteInAnEarlierBuildAndMayNotBeWrittenItself() throws IOException {
        Path site = site();
        Path output = site.resolve("site");
        KilnRun.write(site.resolve("content/downloads/book-v1.pdf"), "version 1");
        KilnRun.write(site.resolve("content/downloads/book-v2.pdf"), "version 2");
        assertEquals(0, build(site).exitCode());

        // The author takes version 1 out of the sources but wants it to stay online.
        Files.delete(site.resolve("content/downloads/book-v1.pdf"));
        Files.delete(site.resolve("content/downloads/book-v2.pdf"));
        KilnRun.write(site.resolve("content/site.yml"), "title: Blog\nkeep: [downloads/*-v1.pdf]\n");
        KilnRun run = build(site);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("version 1", KilnRun.read(output.resolve("downloads/book-v1.pdf")));
        assertFalse(Files.exists(output.resolve("downloads/book-v2.pdf")), "not kept: removed as before");
        assertFalse(Manifest.read(output).contains("downloads/book-v1.pdf"), "kept files are the author's from now on");

        KilnRun.write(site.resolve("content/downloads/book-v1.pdf"), "version 1, again");
        KilnRun both = build(site);
        assertEquals(1, both.exitCode());
        assertTrue(both.err().startsWith("site/downloads/book-v1.pdf: error: is listed under keep: in content/site.yml, but"
                + " content/downloads/book-v1.pdf writes it"), both.err());
        assertEquals("version 1", KilnRun.read(output.resolve("downloads/book-v1.pdf")));
    }

    @Test
    void aKeepPatternOutOfTheOutputFolderIsAnErrorAtItsLine() throws IOException {
        Path site = site();
        KilnRun.write(site.resolve("content/site.yml"), "title: Blog\nkeep:\n  - CNAME\n  - ../secrets\n");

        KilnRun run = build(site);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/site.yml:4:5: error: keep: '../secrets' is not a path inside the output folder"),
                run.err());
    }

    /** A site/ written by Kiln before manifests: files older than its marker were Kiln's, later ones the author's. */
    @Test
    void anOutputFolderOfAKilnWithoutManifestsKeepsWhatWasAddedAfterItsBuild() throws IOException {
        Path site = site();
        Path output = site.resolve("site");
        FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (String old : List.of("index.html", "2019/01/01/removed-post/index.html")) {
            KilnRun.write(output.resolve(old), "old build");
            Files.setLastModifiedTime(output.resolve(old), built);
        }
        KilnRun.write(output.resolve(SiteWriter.MARKER), "This folder is generated by Kiln; it is replaced on every build.\n");
        Files.setLastModifiedTime(output.resolve(SiteWriter.MARKER), built);
        KilnRun.write(output.resolve("CNAME"), "blog.example.com\n");
        KilnRun.write(output.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        KilnRun.write(output.resolve("google1234.html"), "google-site-verification");

        KilnRun run = build(site);

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(output.resolve("2019")), "the old build's page is removed");
        assertTrue(KilnRun.read(output.resolve("index.html")).contains("Hello"));
        assertEquals("blog.example.com\n", KilnRun.read(output.resolve("CNAME")));
        assertEquals("ref: refs/heads/gh-pages\n", KilnRun.read(output.resolve(".git/HEAD")));
        assertEquals("google-site-verification", KilnRun.read(output.resolve("google1234.html")));
    }

    // Item 3: symbolic links, mount points, files that cannot be deleted; the report is true.

    @Test
    void aSymlinkedOutputIsWrittenThroughToItsTarget() throws IOException {
        Path site = site();
        Path webRoot = tmp.resolve("www");
        KilnRun.write(webRoot.resolve("CNAME"), "blog.example.com\n");
        Files.createSymbolicLink(site.resolve("site"), webRoot);

        KilnRun run = build(site);
        KilnRun again = build(site);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isSymbolicLink(site.resolve("site")), "the link stays a link");
        assertTrue(KilnRun.read(webRoot.resolve("index.html")).contains("Hello"), "the web root has the new site");
        assertEquals("blog.example.com\n", KilnRun.read(webRoot.resolve("CNAME")));
        assertEquals(List.of(), workFolders(webRoot));
    }

    @Test
    void aSymlinkedOutputIntoTheSourcesIsRefused() throws IOException {
        Path site = site();
        Files.createSymbolicLink(site.resolve("site"), site.resolve("content"));

        KilnRun run = build(site);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is inside content/"), run.err());
        assertFalse(Files.exists(site.resolve("content/index.html")));
    }

    /**
     * A mount point (a container volume) cannot be renamed: EBUSY, or EXDEV to another file system. The
     * faulty disk refuses every rename of the output folder itself; the old writer renamed it and never built.
     */
    @Test
    void anOutputThatIsAMountPointIsWrittenInsideNeverRenamed() throws Exception {
        Path output = Files.createDirectories(tmp.resolve("volume"));
        for (String reason : List.of("Device or resource busy", "Invalid cross-device link")) {
            FileOperations mount = new FaultyDisk((op, path) -> op.equals("move") && path.equals(output), reason);
            new SiteWriter(mount).write(plan(page("index.html", "v1 " + reason), page("a/index.html", "a")), output);
            WriteReport report = new SiteWriter(mount).write(plan(page("index.html", "v2 " + reason)), output);

            assertEquals(List.of(), report.warnings());
            assertEquals("v2 " + reason, KilnRun.read(output.resolve("index.html")));
            assertEquals(Set.of(SiteWriter.MARKER, "index.html"), KilnRun.files(output).keySet());
        }
    }

    /** A removed post's page made immutable ({@code chattr +i}): the new site is in place, exit 0, the file named. */
    @Test
    void aFileOfTheEarlierBuildThatCannotBeDeletedIsAWarningAndTheNewSiteIsInPlace() throws Exception {
        Path site = site();
        Path output = site.resolve("site");
        assertEquals(0, build(site).exitCode());
        Path stuck = output.resolve("2020/05/02/second/index.html");
        assumeTrue(chattr("+i", stuck), "chattr +i is refused here; the seam test below covers this");
        try {
            Files.delete(site.resolve("content/posts/2020-05-02-second.md"));
            KilnRun.write(site.resolve("content/posts/2020-05-03-third.md"), "---\ntitle: Third\n---\nThree.\n");

            for (int run = 1; run <= 2; run++) {
                KilnRun build = build(site);
                assertEquals(0, build.exitCode(), build.err());
                assertTrue(build.err().startsWith("site/2020/05/02/second/index.html: warning: could not be removed: operation"
                        + " not permitted (the file may be immutable, locked or in use); it is left from an earlier build, and the"
                        + " next build tries again"), build.err());
                assertTrue(build.err().endsWith("1 warning: the new site is in place in site/; the files named above are left"
                        + " from earlier builds\n"), build.err());
                assertTrue(build.out().startsWith("Built "), build.out());
                assertTrue(Files.exists(output.resolve("2020/05/03/third/index.html")));
                assertFalse(KilnRun.read(output.resolve("index.html")).contains("Second"), "the new home page is in place");
                assertEquals(List.of(), workFolders(output), "nothing half-deleted stays behind, run " + run);
            }
        } finally {
            chattr("-i", stuck);
        }
        KilnRun freed = build(site);
        assertEquals("", freed.err());
        assertFalse(Files.exists(output.resolve("2020/05/02")));
    }

    /** A page that must be replaced but is immutable: exit 1, and then truly nothing changed. */
    @Test
    void aFileThatMustBeReplacedButCannotBeFailsTheBuildAndTheSiteIsAsItWas() throws Exception {
        Path site = site();
        Path output = site.resolve("site");
        assertEquals(0, build(site).exitCode());
        Map<String, byte[]> before = KilnRun.files(output);
        Path stuck = output.resolve("2020/05/01/hello/index.html");
        assumeTrue(chattr("+i", stuck), "chattr +i is refused here; the seam test below covers this");
        try {
            KilnRun.write(site.resolve("content/posts/2020-05-01-hello.md"), "---\ntitle: Hello again\n---\nHi.\n");
            KilnRun.write(site.resolve("content/posts/2020-05-04-new.md"), "---\ntitle: New\n---\nNew.\n");

            KilnRun build = build(site);

            assertEquals(1, build.exitCode());
            assertEquals("site/2020/05/01/hello/index.html: error: cannot be replaced: operation not permitted (the file may be"
                    + " immutable, locked or in use) (hint: check the file's and its folder's permissions and attributes"
                    + " (ls -l, lsattr), then build again)\n1 error writing the site; site/ was left unchanged\n", build.err());
            assertSameFiles(before, KilnRun.files(output));
            assertEquals(List.of(), workFolders(output));
        } finally {
            chattr("-i", stuck);
        }
    }

    private static boolean chattr(String flag, Path file) {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The same through the seam, for systems where chattr is refused, and a file in use that cannot be deleted once moved. */
    @Test
    void filesThatCannotBeDeletedThroughTheSeamGiveTheSameTruthfulOutcomes() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "v1"), page("gone/index.html", "gone in v2"), page("kept/x.html", "x")), output);
        Map<String, byte[]> before = KilnRun.files(output);

        FileOperations stuckGone = new FaultyDisk((op, path) -> op.equals("move") && path.endsWith("gone/index.html"),
                "Operation not permitted");
        WriteReport report = new SiteWriter(stuckGone).write(plan(page("index.html", "v2"), page("kept/x.html", "x")), output);
        assertEquals(List.of("gone/index.html"), report.warnings().stream().map(OutputProblem::path).toList());
        assertEquals("v2", KilnRun.read(output.resolve("index.html")));
        assertTrue(Manifest.read(output).contains("gone/index.html"), "still Kiln's: the next build tries again");

        FileOperations stuckIndex = new FaultyDisk((op, path) -> op.equals("move") && path.equals(output.resolve("index.html")),
                "Operation not permitted");
        Map<String, byte[]> v2 = KilnRun.files(output);
        OutputException e = assertThrows(OutputException.class,
                () -> new SiteWriter(stuckIndex).write(plan(page("index.html", "v3"), page("new/index.html", "new")), output));
        assertTrue(e.siteUnchanged());
        assertSameFiles(v2, KilnRun.files(output));
        assertFalse(Files.exists(output.resolve("new")), "a folder the failed commit made is removed again");

        // NFS's .nfs files, Windows' open files: moved aside, then undeletable. A warning, and a later build cleans up.
        FileOperations inUse = new FaultyDisk((op, path) -> op.equals("delete") && path.toString().contains(".kiln-old-"),
                "Device or resource busy");
        WriteReport busy = new SiteWriter(inUse).write(plan(page("index.html", "v4")), output);
        assertFalse(busy.warnings().isEmpty());
        assertTrue(busy.warnings().get(0).path().startsWith(".kiln-old-"), busy.warnings().toString());
        assertEquals("v4", KilnRun.read(output.resolve("index.html")));
        WriteReport later = new SiteWriter().write(plan(page("index.html", "v5")), output);
        assertEquals(List.of(), later.warnings());
        assertEquals(List.of(), workFolders(output));
        assertEquals(Set.of(SiteWriter.MARKER, "index.html"), KilnRun.files(output).keySet());
        assertFalse(before.isEmpty());
    }

    /** Killed in the middle of the commit (an Error stands for the kill): the next build puts the previous site back. */
    @Test
    void aBuildKilledWhileReplacingFilesIsUndoneByTheNextOne() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "v1"), page("a/index.html", "a1"), page("old/index.html", "old")), output);
        Map<String, byte[]> before = KilnRun.files(output);

        int[] moves = {0};
        FileOperations killed = new FaultyDisk((op, path) -> op.equals("move") && path.startsWith(output.resolve("b")), null) {
            @Override
            public void move(Path from, Path to) throws IOException {
                if (from.toString().contains(".kiln-commit-") && ++moves[0] == 3) {
                    throw new Killed();
                }
                super.move(from, to);
            }
        };
        assertThrows(Killed.class, () -> new SiteWriter(killed).write(
                plan(page("index.html", "v2"), page("a/index.html", "a2"), page("b/index.html", "b2"), page("c/index.html", "c2")),
                output));
        assertFalse(workFolders(output).isEmpty(), "the kill left its journal");

        List<OutputProblem> warnings = new SiteWriter().recover(output);

        assertEquals(List.of(), warnings);
        assertSameFiles(before, KilnRun.files(output));
        assertEquals(List.of(), workFolders(output));
        assertFalse(Files.exists(output.resolve("b")));
    }

    /** A full disk while writing: Kiln's words and the path, and the site as it was. */
    @Test
    void aFullDiskIsReportedInKilnsWordsWithThePath() throws Exception {
        Path output = tmp.resolve("site");
        new SiteWriter().write(plan(page("index.html", "v1")), output);
        Map<String, byte[]> before = KilnRun.files(output);
        FileOperations full = new FaultyDisk((op, path) -> op.equals("write") && path.endsWith("b/index.html"),
                "No space left on device");

        OutputException e = assertThrows(OutputException.class,
                () -> new SiteWriter(full).write(plan(page("index.html", "v2"), page("b/index.html", "b")), output));

        assertEquals(List.of(new OutputProblem("b/index.html", false, "cannot be written: the disk is full",
                "free some space, then build again")), e.problems());
        assertTrue(e.siteUnchanged());
        assertSameFiles(before, KilnRun.files(output));
        assertEquals(List.of(), workFolders(output));
    }

    /** Permission errors for real: an immutable output folder (root ignores permissions, not chattr +i). */
    @Test
    void anOutputFolderThatCannotBeWrittenIsReportedInKilnsWordsNotAsAnInternalError() throws Exception {
        Path site = site();
        Path output = Files.createDirectories(site.resolve("site"));
        assumeTrue(chattr("+i", output), "chattr +i is refused here");
        try {
            KilnRun run = build(site);

            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("site/.kiln-lock: error: cannot be locked: operation not permitted"), run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        } finally {
            chattr("-i", output);
        }
    }

    // Item 5: one build at a time.

    @Test
    void aSecondBuildSaysWhoHoldsTheLockAndStopsWithNoWait() throws Exception {
        Path site = site();
        Path output = site.resolve("site");
        assertEquals(0, build(site).exitCode());
        Map<String, byte[]> before = KilnRun.files(output);
        try (OutputLock held = OutputLock.acquire(output, "kiln build --drafts", KilnRun.CLOCK, null)) {
            KilnRun run = build(site, "--no-wait");

            assertEquals(1, run.exitCode());
            assertEquals("site: error: is being built by pid " + ProcessHandle.current().pid()
                    + " (kiln build --drafts), since 2026-11-25T12:00:00Z (hint: wait for that build to finish, or run without"
                    + " --no-wait to wait for it)\n1 error writing the site; site/ was left unchanged\n", run.err());
        }
        assertSameFiles(before, KilnRun.files(output));
    }

    @Test
    void aSecondBuildWaitsForTheFirstToFinish() throws Exception {
        Path site = site();
        Path output = site.resolve("site");
        KilnRun[] result = new KilnRun[1];
        Thread second;
        try (OutputLock held = OutputLock.acquire(output, "kiln build", KilnRun.CLOCK, null)) {
            second = new Thread(() -> result[0] = build(site));
            second.start();
            Thread.sleep(600);
            assertTrue(second.isAlive(), "the second build waits while the lock is held");
            assertFalse(Files.exists(output.resolve("index.html")));
        }
        second.join(60_000);
        assertEquals(0, result[0].exitCode(), result[0].err());
        assertTrue(result[0].err().startsWith("kiln: waiting for site/: it is being built by pid " + ProcessHandle.current().pid()
                + " (kiln build), since 2026-11-25T12:00:00Z\n"), result[0].err());
        assertTrue(Files.exists(output.resolve("index.html")));
        assertFalse(Files.exists(output.resolve(OutputLock.NAME)), "the lock file goes with the lock");
    }

    @Test
    void aLockLeftByAKilledBuildIsTakenOver() throws IOException {
        Path site = site();
        KilnRun.write(site.resolve("site/" + OutputLock.NAME), "pid 999999\ncommand kiln build\nsince 2026-11-24T08:00:00Z\n");

        KilnRun run = build(site, "--no-wait");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    /** The issue's case: two real builds at once deleted each other's staging folders. Now one waits. */
    @Test
    void twoBuildProcessesAtOnceBothSucceedOneAfterTheOther() throws Exception {
        Path site = site();
        for (int i = 0; i < 100; i++) {
            KilnRun.write(site.resolve("content/img/photo-" + i + ".bin"), "photo " + i);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> builds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            builds.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.kiln.Main",
                    "build", "--source", site.toString()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("build-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(builds.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, builds.get(i).exitValue(), KilnRun.read(tmp.resolve("build-" + i + ".log")));
        }
        Path output = site.resolve("site");
        assertEquals(List.of(), workFolders(output));
        Path cold = tmp.resolve("cold");
        assertEquals(0, KilnRun.of("build", "--source", site.toString(), "--output", cold.toString()).exitCode());
        assertSameFiles(KilnRun.files(cold), KilnRun.files(output));
    }

    // Item 7: a sparse file stays sparse.

    /** A 2 GiB sparse file took 2 GB in the site: the copy leaves the holes as holes (same bytes, same length). */
    @Test
    void aSparseStaticFileIsCopiedSparse() throws Exception {
        Path site = site();
        Path video = site.resolve("content/media/disk.img");
        Files.createDirectories(video.getParent());
        long length = 512L << 20;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(video.toFile(), "rw")) {
            file.setLength(length);
            file.seek(100L << 20);
            file.write("data in the middle of a hole".getBytes(StandardCharsets.UTF_8));
            file.seek(length - 5);
            file.write("end\n".getBytes(StandardCharsets.UTF_8));
        }
        assumeTrue(allocated(video) < (8L << 20), "this file system does not keep holes: " + allocated(video));

        KilnRun run = build(site);

        assertEquals(0, run.exitCode(), run.err());
        Path copy = site.resolve("site/media/disk.img");
        assertEquals(length, Files.size(copy));
        assertEquals(-1, Files.mismatch(video, copy), "the same bytes");
        assertTrue(allocated(copy) < (8L << 20), "the copy takes " + allocated(copy) + " bytes on disk, not " + length);
        assertEquals(Files.getLastModifiedTime(video), Files.getLastModifiedTime(copy));
    }

    /** Bytes the file takes on disk, from stat(1): Java has no call for it. */
    private static long allocated(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assumeTrue(stat.waitFor() == 0, "stat(1) is not available");
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    /** Stands for kill -9: not an IOException, so nothing catches it. */
    private static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /** The disk, but an operation on a path the predicate picks fails with the system's reason. */
    private static class FaultyDisk implements FileOperations {
        private final BiPredicate<String, Path> fails;
        private final String reason;

        FaultyDisk(BiPredicate<String, Path> fails, String reason) {
            this.fails = fails;
            this.reason = reason;
        }

        private void check(String op, Path path) throws IOException {
            if (reason != null && fails.test(op, path)) {
                throw new FileSystemException(path.toString(), null, reason);
            }
        }

        @Override
        public void createDirectory(Path dir) throws IOException {
            check("createDirectory", dir);
            DISK.createDirectory(dir);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            check("write", file);
            DISK.write(file, bytes);
        }

        @Override
        public void copy(Path from, Path to) throws IOException {
            check("copy", to);
            DISK.copy(from, to);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            check("move", from);
            check("move", to);
            DISK.move(from, to);
        }

        @Override
        public void delete(Path path) throws IOException {
            check("delete", path);
            DISK.delete(path);
        }
    }
}
