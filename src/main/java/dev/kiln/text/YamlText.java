package dev.kiln.text;

/** Text written into YAML that Kiln generates (new posts, imported front matter and site.yml). */
public final class YamlText {
    private YamlText() {}

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
