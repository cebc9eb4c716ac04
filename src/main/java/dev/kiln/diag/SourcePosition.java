package dev.kiln.diag;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a source file: path relative to the site root, 1-based line and column. */
public record SourcePosition(Path file, int line, int column) {
    public static SourcePosition startOf(Path file) {
        return new SourcePosition(file, 1, 1);
    }

    /**
     * The position of {@code text.charAt(index)}; columns count code points. {@code \r\n} and a
     * lone {@code \r} end lines too, so positions in text not yet normalised match the editor's.
     */
    public static SourcePosition at(Path file, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, text.codePointCount(lineStart, index) + 1);
    }

    /** By hand: every route has an origin, and a record's own equals is slow under the JVM's quick compiler (Route.SitemapEntry). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePosition p && line == p.line && column == p.column && Objects.equals(file, p.file);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(file) * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return display(file) + ":" + line + ":" + column;
    }

    /**
     * The path as messages show it, with {@code /}. Java reads each byte of a file name that is not
     * UTF-8 as U+FFFD, so two such names would print alike ({@code x\uFFFD.txt}); their bytes are
     * shown as {@code \xFF} instead, read back from the path's URI, which keeps them.
     */
    public static String display(Path file) {
        String text = file.toString().replace('\\', '/');
        if (text.indexOf('\uFFFD') < 0 || file.getNameCount() == 0) {
            return text;
        }
        try {
            String uri = file.toUri().getRawPath();
            String[] segments = (uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri).split("/");
            int names = file.getNameCount();
            if (segments.length < names) {
                return text;
            }
            StringBuilder shown = new StringBuilder();
            for (int i = segments.length - names; i < segments.length; i++) {
                shown.append(shown.isEmpty() ? "" : "/").append(escapedUtf8(percentDecoded(segments[i])));
            }
            return shown.toString();
        } catch (RuntimeException e) {
            return text; // no URI for this path: the lossy name is still the best there is
        }
    }

    /** Whether the file's name (any part of its path) is not valid UTF-8. */
    public static boolean hasUndecodableName(Path file) {
        return file.toString().indexOf('\uFFFD') >= 0 && display(file).contains("\\x");
    }

    private static byte[] percentDecoded(String segment) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c); // the URI writes everything else as ASCII
            }
        }
        return bytes.toByteArray();
    }

    /** The bytes as UTF-8 text, with each byte that is not part of valid UTF-8 as {@code \xFF}. */
    private static String escapedUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put(String.format(java.util.Locale.ROOT, "\\x%02X", in.get() & 0xff));
                }
            } else {
                decoder.flush(out);
                return out.flip().toString();
            }
        }
    }
}
