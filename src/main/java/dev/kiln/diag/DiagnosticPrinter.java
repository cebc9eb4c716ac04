package dev.kiln.diag;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints diagnostics like a compiler: the headline, then the source line and a caret under the column;
 * a blank line between files, so each file's problems read as one group.
 */
public final class DiagnosticPrinter {
    private static final String RED = "\033[1;31m";
    private static final String YELLOW = "\033[33m";
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private final Path root;
    private final boolean colour;

    public DiagnosticPrinter(Path root) {
        this(root, false);
    }

    /** @param colour whether to colour "error" and the caret: only for a terminal, never when NO_COLOR is set */
    public DiagnosticPrinter(Path root, boolean colour) {
        this.root = root;
        this.colour = colour;
    }

    /** Prints {@code diagnostics}, which come sorted by file (see {@link Diagnostics#sorted()}). */
    public void print(List<Diagnostic> diagnostics, PrintStream out) {
        Path previousFile = null;
        for (Diagnostic d : diagnostics) {
            if (previousFile != null && !previousFile.equals(d.position().file())) {
                out.println();
            }
            previousFile = d.position().file();
            String headline = d.headline();
            out.println(colour ? headline.replaceFirst(": error: ", ": " + RED + "error" + RESET + ": ")
                    .replaceFirst(": warning: ", ": " + YELLOW + "warning" + RESET + ": ") : headline);
            String line = sourceLine(d.position());
            if (line != null) {
                out.println("  " + line);
                String caret = " ".repeat(caretOffset(line, d.position().column())) + "^";
                out.println("  " + (colour ? BOLD + caret + RESET : caret));
            }
            if (!d.usedBy().isEmpty()) {
                out.println("  " + Diagnostic.visible("included at " + String.join(", ", d.usedBy().stream().map(SourcePosition::toString).toList())));
            }
        }
    }

    /** The summary of a failed build: "3 errors in 2 files (412 ms)"; its warnings are not counted. */
    public static String summary(List<Diagnostic> diagnostics, long millis) {
        List<Diagnostic> errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        long files = errors.stream().map(d -> d.position().file()).distinct().count();
        return plural(errors.size(), "error") + " in " + plural(files, "file") + " (" + millis + " ms)";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private String sourceLine(SourcePosition position) {
        Path file = root.resolve(position.file());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64L * 1024 * 1024) {
                return null;
            }
            if (!file.toRealPath().startsWith(root.resolve(position.file().getName(0)).toRealPath())) {
                return null; // a symbolic link out of content/ (or the site): refused, and its text must not leak into logs
            }
            if (position.line() < 1) {
                return null;
            }
            // Streamed: a diagnostic at the top of a huge file should not load all of it.
            String line;
            try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                line = lines.skip(position.line() - 1L).findFirst().orElse(null);
            }
            if (line == null) {
                return null;
            }
            // One character per column keeps the caret in place; controls must not reach the terminal.
            line = line.replace('\t', ' ').replaceAll("[\\x00-\\x1f\\x7f-\\x9f]", "\uFFFD");
            return line.length() > 200 ? null : line;
        } catch (IOException | RuntimeException e) {
            return null; // the headline alone still says everything; the excerpt is a courtesy
        }
    }

    private static int caretOffset(String line, int column) {
        return Math.max(0, Math.min(column - 1, line.length()));
    }
}
