package dev.kiln.frontmatter;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed YAML mapping with the file position of each top-level key's value, so later stages
 * can point at the exact place of a wrong value.
 */
public record YamlDocument(Path file, Map<String, Object> values, Map<String, SourcePosition> positions) {

    public static YamlDocument empty(Path file) {
        return new YamlDocument(file, Map.of(), Map.of());
    }

    /** Where the value of {@code key} starts, or the start of the file when the key is absent. */
    public SourcePosition positionOf(String key) {
        return positions.getOrDefault(key, SourcePosition.startOf(file));
    }
}
