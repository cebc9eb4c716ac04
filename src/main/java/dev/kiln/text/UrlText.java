package dev.kiln.text;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of URLs, the one place for it. */
public final class UrlText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlText() {}

    /**
     * Percent-encodes what a URL may not hold raw (spaces, controls, non-ASCII, {@code "<>\^`{|}}),
     * keeping existing escapes, so the result is a valid URI for sitemaps, feeds and java.net.URI.
     */
    public static String encode(String url) {
        boolean plain = true;
        for (int i = 0; i < url.length() && plain; i++) {
            plain = !needsEncoding(url.charAt(i));
        }
        if (plain) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (needsEncoding(c)) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean needsEncoding(int c) {
        return c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0;
    }
}
