package dev.kiln.frontmatter;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Splits a Markdown file into front matter and body. The `---` fences are found here rather than by
 * flexmark, so `# comment` lines in YAML never become headings.
 */
public final class FrontMatterParser {
    private final YamlParser yaml = new YamlParser();

    /** Returns empty after reporting into {@code diagnostics} when the front matter is broken. */
    public Optional<SourceDocument> parse(Path file, String text, Diagnostics diagnostics) {
        if (!isFence(firstLine(text))) {
            return Optional.of(new SourceDocument(YamlDocument.empty(file), text, 1));
        }
        // A file that is only "---" opens front matter that no line can close.
        int yamlStart = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n') + 1;
        int lineNumber = 2;
        int lineStart = yamlStart;
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(lineStart, lineEnd);
            if (isFence(line) || line.stripTrailing().equals("...")) {
                String yamlText = text.substring(yamlStart, lineStart);
                int bodyStart = end < 0 ? text.length() : end + 1;
                int bodyLine = lineNumber + 1;
                return yaml.parse(file, yamlText, 2, diagnostics)
                        .map(doc -> new SourceDocument(doc, text.substring(bodyStart), bodyLine));
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        diagnostics.error(new SourcePosition(file, 1, 1), "front matter is never closed",
                "add a line with just --- after the last front matter line");
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }
}
