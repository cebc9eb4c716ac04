package dev.kiln.model;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to a YAML mapping; a value of the wrong type is reported at its position. */
final class FieldReader {
    private final YamlDocument doc;
    private final Diagnostics diagnostics;

    FieldReader(YamlDocument doc, Diagnostics diagnostics) {
        this.doc = doc;
        this.diagnostics = diagnostics;
    }

    YamlDocument doc() {
        return doc;
    }

    boolean has(String key) {
        return doc.values().get(key) != null;
    }

    /** A text value; numbers and booleans are taken as written, lists and maps are errors. */
    String text(String key, String fallback) {
        Object value = doc.values().get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        wrongType(key, "a text value", value);
        return fallback;
    }

    boolean flag(String key, boolean fallback) {
        Object value = doc.values().get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        wrongType(key, "true or false", value);
        return fallback;
    }

    int positiveInt(String key, int fallback) {
        Object value = doc.values().get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i && i > 0) {
            return i;
        }
        wrongType(key, "a whole number above 0", value);
        return fallback;
    }

    /** A list of texts, written as a YAML list or as one space-separated string (Jekyll accepts both). */
    List<String> words(String key) {
        Object value = doc.values().get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s.trim().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                    result.add(String.valueOf(item).strip());
                } else if (item != null) {
                    wrongType(key, "a list of words", item);
                    return List.of();
                }
            }
            return result;
        }
        wrongType(key, "a list such as [a, b]", value);
        return List.of();
    }

    /** A list of texts, or one text as a list of one (jekyll-redirect-from's {@code redirect_from:} takes both). */
    List<String> texts(String key) {
        Object value = doc.values().get(key);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return List.of(String.valueOf(value).strip());
        }
        return words(key);
    }

    void error(String key, String message, String hint) {
        diagnostics.error(doc.positionOf(key), message, hint);
    }

    /** A warning at the value of {@code key}: the build goes on. */
    void warning(String key, String message, String hint) {
        diagnostics.add(Diagnostic.warning(doc.positionOf(key), message, hint));
    }

    /** An error at item {@code index} (0-based) of the list under {@code key}. */
    void itemError(String key, int index, String message, String hint) {
        diagnostics.error(doc.positionOf(key, index), message, hint);
    }

    /** A warning at item {@code index} (0-based) of the list under {@code key}: the build goes on. */
    void itemWarning(String key, int index, String message, String hint) {
        diagnostics.add(Diagnostic.warning(doc.positionOf(key, index), message, hint));
    }

    private void wrongType(String key, String expected, Object value) {
        error(key, "'" + key + "' should be " + expected + ", not " + describe(value),
                "write e.g. " + key + ": " + example(expected));
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof String) {
            return "the text '" + value + "'";
        }
        if (value instanceof byte[]) {
            return "binary data (!!binary)";
        }
        return "'" + value + "'";
    }

    private static String example(String expected) {
        return switch (expected) {
            case "true or false" -> "true";
            case "a whole number above 0" -> "5";
            case "a list of words", "a list such as [a, b]" -> "[java, blogging]";
            default -> "\"some text\"";
        };
    }
}
