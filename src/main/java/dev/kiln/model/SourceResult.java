package dev.kiln.model;

import dev.kiln.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What one Markdown file becomes, depending only on its text and the {@link SourceSettings}: its
 * typed front matter and rendered body (both null when the front matter could not be read), and
 * the problems found in it. A preview keeps these and reuses them while the file is unchanged.
 */
public record SourceResult(Path path, boolean isPost, FrontMatter frontMatter, Document.Content content,
                           List<Diagnostic> diagnostics) {
    public SourceResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean usable() {
        return frontMatter != null && content != null;
    }
}
