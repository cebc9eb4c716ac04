package dev.kiln.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticPrinterTest {
    @TempDir
    Path root;

    private String printed(List<Diagnostic> diagnostics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DiagnosticPrinter(root).print(diagnostics, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTheLineAndACaretUnderTheColumnAndABlankLineBetweenFiles() throws IOException {
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/a.md"), "---\ntitle: [oops\n---\n");
        Diagnostics found = new Diagnostics();
        found.error(new SourcePosition(Path.of("content/b.md"), 1, 1), "file is empty", null);
        found.error(new SourcePosition(Path.of("content/a.md"), 2, 8), "unclosed [", "close it with ]");
        assertEquals("""
                content/a.md:2:8: error: unclosed [ (hint: close it with ])
                  title: [oops
                         ^

                content/b.md:1:1: error: file is empty
                """, printed(found.sorted()));
    }

    @Test
    void writesControlCharactersAsEscapesAndCountsErrorsByFile() {
        Diagnostic bell = Diagnostic.error(new SourcePosition(Path.of("content/x\u0007.md"), 3, 1), "bad", null);
        assertEquals("content/x\\x07.md:3:1: error: bad\n", printed(List.of(bell)));
        Diagnostic warning = Diagnostic.warning(new SourcePosition(Path.of("content/y.md"), 1, 1), "odd", null);
        assertEquals("1 error in 1 file (12 ms)", DiagnosticPrinter.summary(List.of(bell, warning), 12));
    }
}
