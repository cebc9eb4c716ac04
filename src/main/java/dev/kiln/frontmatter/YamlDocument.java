package dev.kiln.frontmatter;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML mapping with the file position of each top-level key's value, and of each item of a
 * top-level list, so later stages can point at the exact place of a wrong value.
 */
public record YamlDocument(Path file, Map<String, Object> values, Map<String, SourcePosition> positions,
        Map<String, List<SourcePosition>> itemPositions) {

    public static YamlDocument empty(Path file) {
        return new YamlDocument(file, Map.of(), Map.of(), Map.of());
    }

    /** Where the value of {@code key} starts, or the start of the file when the key is absent. */
    public SourcePosition positionOf(String key) {
        return positions.getOrDefault(key, SourcePosition.startOf(file));
    }

    /** Where item {@code index} (0-based) of the list under {@code key} starts, else where the key's value starts. */
    public SourcePosition positionOf(String key, int index) {
        List<SourcePosition> items = itemPositions.get(key);
        return items != null && index >= 0 && index < items.size() ? items.get(index) : positionOf(key);
    }
}
