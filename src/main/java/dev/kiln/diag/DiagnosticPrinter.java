package dev.kiln.diag;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints diagnostics like a compiler: the headline, then the source line and a caret under the column. */
public final class DiagnosticPrinter {
    private final Path root;

    public DiagnosticPrinter(Path root) {
        this.root = root;
    }

    public void print(List<Diagnostic> diagnostics, PrintStream out) {
        for (Diagnostic d : diagnostics) {
            out.println(d.headline());
            String line = sourceLine(d.position());
            if (line != null) {
                out.println("  " + line);
                out.println("  " + " ".repeat(caretOffset(line, d.position().column())) + "^");
            }
        }
    }

    private String sourceLine(SourcePosition position) {
        Path file = root.resolve(position.file());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64L * 1024 * 1024) {
                return null;
            }
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                return null; // a symbolic link out of the site: refused, and its text must not leak into logs
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
