package dev.kiln.preview;

import dev.kiln.diag.Diagnostic;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the preview's messages go. The preview words them; the command line, which hands this in,
 * prints them, so that it stays the only code that prints. Called on the rebuild thread.
 *
 * @param diagnostics takes the diagnostics of each build that ran to its end, sorted by file; most often none
 * @param built takes the line of a build that succeeded: "content/posts/a.md edited: rebuilt 3 of 40 files in 52 ms"
 * @param failed takes the line of a build that failed or threw: what went wrong, and whether the last good site is
 *     still served
 */
public record PreviewLog(Consumer<List<Diagnostic>> diagnostics, Consumer<String> built, Consumer<String> failed) {}
