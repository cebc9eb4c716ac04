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
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (position.line() < 1 || position.line() > lines.size()) {
                return null;
            }
            String line = lines.get(position.line() - 1).replace("\t", " ");
            return line.length() > 200 ? null : line;
        } catch (IOException | RuntimeException e) {
            return null; // the headline alone still says everything; the excerpt is a courtesy
        }
    }

    private static int caretOffset(String line, int column) {
        return Math.max(0, Math.min(column - 1, line.length()));
    }
}
