package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: an {@link Error} escaping a build (out of stack or memory, a class missing from a damaged
 * installation) is one line in Kiln's words and a hint, exit code 1, the previous site untouched; never
 * the JVM's stack trace unless --verbose. Before, build and check caught only RuntimeException.
 */
class ErrorInBuildTest {
    @TempDir
    Path site;

    /** Runs the CLI with {@code error} thrown as the build starts {@code stage}. */
    private KilnRun run(String stage, Supplier<Error> error, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(new Console(o, e, false, false), KilnRun.CLOCK, started -> {
                if (started.equals(stage)) {
                    throw error.get();
                }
            }).run(args);
        }
        return new KilnRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void writeSite() {
        KilnRun.write(site.resolve("content/site.yml"), "title: Errors\nurl: https://example.com\n");
        KilnRun.write(site.resolve("content/posts/2020-01-01-first.md"), "---\ntitle: First\n---\nThe first body.\n");
    }

    @Test
    void anErrorInABuildIsTwoLinesOfKilnsWordsAndThePreviousSiteStays() {
        writeSite();
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));
        record Case(String stage, Supplier<Error> error, String expected) {}
        for (Case c : List.of(
                new Case("render", StackOverflowError::new, """
                        kiln: the build ran out of stack (StackOverflowError): something in the sources nests too deep for Kiln; \
                        the previous site was left unchanged
                        hint: give Java more stack, e.g. KILN_OPTS=-Xss8m kiln build, or run it with --verbose to see where
                        """),
                new Case("images", () -> new OutOfMemoryError("Java heap space"), """
                        kiln: the build ran out of memory (OutOfMemoryError: Java heap space); the previous site was left unchanged
                        hint: give Java more memory, e.g. KILN_OPTS=-Xmx4g kiln build
                        """),
                new Case("write", () -> new NoClassDefFoundError("org/example/Gone"), """
                        kiln: internal error: java.lang.NoClassDefFoundError: org/example/Gone (a bug in Kiln, or its installation \
                        is damaged); the previous site was left unchanged
                        hint: run again with --verbose for details; if it happens again, reinstall Kiln, or report it
                        """))) {
            KilnRun run = run(c.stage(), c.error(), "build", "--source", site.toString());
            assertEquals(1, run.exitCode(), run.err());
            assertEquals(c.expected(), run.err());
            assertEquals("", run.out());
            Map<String, byte[]> after = KilnRun.files(site.resolve("site"));
            assertEquals(before.keySet(), after.keySet(), "no file of site/ added or removed");
            before.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, after.get(path)), path + " unchanged"));
        }
        // The lock is released: the next build works.
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
    }

    @Test
    void checkSaysSoTooAndVerboseShowsTheStackTrace() {
        writeSite();
        KilnRun check = run("read", StackOverflowError::new, "check", "--source", site.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.err().startsWith("kiln: the check ran out of stack (StackOverflowError): something in the sources nests"
                + " too deep for Kiln; nothing was written\nhint: give Java more stack, e.g. KILN_OPTS=-Xss8m kiln check,"), check.err());
        assertFalse(check.err().contains("\tat "), "no stack trace: " + check.err());

        KilnRun verbose = run("plan", () -> new AssertionError("a stage's own check"), "build", "--source", site.toString(), "--verbose");
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.err().startsWith("kiln: internal error: java.lang.AssertionError: a stage's own check"), verbose.err());
        assertTrue(verbose.err().contains("\tat "), "--verbose shows where: " + verbose.err());
    }
}
