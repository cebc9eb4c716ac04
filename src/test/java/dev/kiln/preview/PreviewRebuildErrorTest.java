package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 4: whatever a rebuild throws, {@link Error}s included (StackOverflowError,
 * OutOfMemoryError, anything), is reported in the terminal and the overlay, and the last good site
 * is served meanwhile. Before, the rebuild caught only IOException and RuntimeException: nothing
 * was printed, no overlay came and the edited post answered 404.
 */
@Timeout(300)
class PreviewRebuildErrorTest {
    private static final String FIRST = "/2020/01/01/first/";
    private static final String POST = "content/posts/2020-01-01-first.md";
    private static final String OVERLAY = "<div id=\"" + ErrorOverlay.ELEMENT_ID + "\"";

    @TempDir
    Path tmp;

    private RunningPreview preview;
    /** What the next build throws when it starts rendering; null: nothing. */
    private final AtomicReference<Supplier<Error>> throwing = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private RunningPreview start() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        preview = new RunningPreview(site, "127.0.0.1", stage -> {
            Supplier<Error> error = throwing.get();
            if (error != null && stage.equals("render")) {
                throw error.get();
            }
        });
        return preview;
    }

    @Test
    void anErrorInARebuildIsReportedAndTheLastGoodSiteStaysUp() throws Exception {
        RunningPreview p = start();
        p.listen();
        record Case(Supplier<Error> error, String message) {}
        List<Case> cases = List.of(
                new Case(StackOverflowError::new, "the build ran out of stack (StackOverflowError)"),
                new Case(() -> new OutOfMemoryError("Java heap space"), "the build ran out of memory (OutOfMemoryError)"),
                new Case(() -> new NoClassDefFoundError("org/example/Gone"),
                        "internal error while building: java.lang.NoClassDefFoundError: org/example/Gone"),
                new Case(() -> new AssertionError("a stage's own check"), "internal error while building: java.lang.AssertionError"));
        int edit = 0;
        for (Case c : cases) {
            throwing.set(c.error());
            p.write(POST, "---\ntitle: First post\ntags: [java]\n---\nEdit " + (++edit) + ".\n");
            String overlay = p.awaitErrors();
            assertTrue(overlay.contains(ErrorOverlay.escape(c.message())), overlay);
            p.awaitTerminal(POST + " edited: kiln: " + c.message());
            assertTrue(p.terminal().contains("; still serving the last good site\n"), p.terminal());
            assertFalse(p.terminal().contains("\tat "), "no stack trace: " + p.terminal());
            String page = p.page(FIRST);
            assertTrue(page.contains("The first body.") && page.contains(OVERLAY), "the last good page, with the overlay");
            assertEquals(200, p.get("/").statusCode());
        }
        // Fixed: the next rebuild serves the edit and the overlay goes.
        throwing.set(null);
        p.write(POST, "---\ntitle: First post\ntags: [java]\n---\nAll good again.\n");
        p.awaitServed(FIRST, "All good again.");
        assertFalse(p.page(FIRST).contains(OVERLAY));
        assertTrue(p.page("/about/").contains("About this blog."), "a rebuild after an Error builds the whole site again");
    }

    /** The nesting limit (NestingLimit) in serve: 800 '>' (an 801-byte post) is a positioned error in the overlay. */
    @Test
    void deepNestingIsAPositionedErrorInTheOverlay() throws Exception {
        RunningPreview p = start();
        p.listen();
        p.write(POST, "---\ntitle: First post\n---\n" + ">".repeat(800) + "\n");
        String overlay = p.awaitErrors();
        assertTrue(overlay.contains("<strong>" + POST + ":4:101</strong>: Markdown nested more than 100 levels deep"), overlay);
        p.awaitTerminal(POST + ":4:101: error: Markdown nested more than 100 levels deep");
        assertTrue(p.page(FIRST).contains("The first body."), "the last good page is served");
        p.write(POST, "---\ntitle: First post\n---\n" + "> ".repeat(5) + "Quoted.\n");
        p.awaitServed(FIRST, "Quoted.");
    }

    /** Issue 19 item 7: a newline in a file name is shown as \x0A in the terminal's line and the overlay. */
    @Test
    void aNewlineInAFileNameIsEscapedInTheTerminalAndTheOverlay() throws Exception {
        RunningPreview p = start();
        p.listen();
        p.write("content/a\nb.md", "---\ntitle: [\n---\nx\n");
        String overlay = p.awaitErrors();
        assertTrue(overlay.contains("<strong>content/a\\x0Ab.md:2:1</strong>"), overlay);
        p.awaitTerminal("content/a\\x0Ab.md created: 1 error in 1 file");
        assertTrue(p.terminal().contains("content/a\\x0Ab.md:2:1: error: "), p.terminal());
        assertFalse(p.terminal().contains("content/a\nb.md"), p.terminal());
    }
}
