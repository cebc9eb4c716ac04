package dev.kiln.text;

/** Text written into YAML that Kiln generates (new posts, imported front matter and site.yml). */
public final class YamlText {
    private YamlText() {}

    /**
     * A value as YAML in flow style, on one line: text double-quoted, lists as {@code [a, b]}, maps as {@code {k: v}},
     * true, false, numbers and null as they are. What a YAML parser gave reads back the same.
     */
    public static String flow(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return String.valueOf(value);
        }
        if (value instanceof java.util.List<?> list) {
            return "[" + String.join(", ", list.stream().map(YamlText::flow).toList()) + "]";
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return "{" + String.join(", ", map.entrySet().stream()
                    .map(entry -> quoted(String.valueOf(entry.getKey())) + ": " + flow(entry.getValue())).toList()) + "}";
        }
        return quoted(String.valueOf(value));
    }

    /** A YAML double-quoted string: any text, whatever its punctuation, reads back as written. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
