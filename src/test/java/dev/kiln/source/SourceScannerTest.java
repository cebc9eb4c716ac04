package dev.kiln.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @TempDir
    Path root;

    private void write(String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void readsPostsPagesAndStaticFilesWithLineEndsAsMarkdownReadsThem() throws IOException {
        write("content/posts/2026-01-02-a.md", "\uFEFF---\r\ntitle: A\r\n---\r\nBody\r".getBytes(StandardCharsets.UTF_8));
        write("content/about.md", "---\ntitle: About\n---\n".getBytes(StandardCharsets.UTF_8));
        write("content/img/cat.jpg", new byte[] {1, 2, 3});
        Diagnostics diagnostics = new Diagnostics();
        SourceTree tree = new SourceScanner().scan(root, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of(new TextFile(Path.of("content/posts/2026-01-02-a.md"), "---\ntitle: A\n---\nBody\n")), tree.posts());
        assertEquals(List.of(Path.of("content/about.md")), tree.pages().stream().map(TextFile::relativePath).toList());
        assertEquals(List.of(Path.of("content/img/cat.jpg")), tree.staticFiles().stream().map(SourceFile::relativePath).toList());
    }

    @Test
    void invalidUtf8AndNulBytesAreErrorsAtTheirPlace() throws IOException {
        write("content/posts/2026-01-02-bad.md", new byte[] {'-', '-', '-', '\n', 't', (byte) 0xC3, '\n'});
        write("content/nul.md", "---\ntitle: x\n---\nab\0".getBytes(StandardCharsets.UTF_8));
        Diagnostics diagnostics = new Diagnostics();
        SourceTree tree = new SourceScanner().scan(root, diagnostics);
        List<String> headlines = diagnostics.sorted().stream().map(Diagnostic::headline).toList();
        assertEquals(List.of(
                "content/nul.md:4:3: error: file contains NUL bytes: it looks binary, not text"
                        + " (hint: save it as UTF-8 text, or give it another extension to copy it as is)",
                "content/posts/2026-01-02-bad.md:2:2: error: invalid UTF-8 (byte 0xC3 at offset 5) (hint: save the file as UTF-8)"),
                headlines);
        assertTrue(tree.posts().isEmpty() && tree.pages().isEmpty());
    }
}
