package dev.kiln.text;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of URLs, the one place for it. */
public final class UrlText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlText() {}

    /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}, {@code data:}): it leads off the site. */
    public static boolean hasScheme(String url) {
        if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

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

    /**
     * The site path an {@code src} written in a page points at ({@code /blog/img/a%20b.png} under
     * baseurl {@code /blog} → {@code /img/a b.png}), without query or fragment; null when it is not
     * a path under the baseurl (another host, a relative path, {@code data:}) or its escapes are broken.
     */
    public static String sitePath(String src, String baseurl) {
        if (src == null || !src.startsWith("/") || src.startsWith("//")) {
            return null;
        }
        String path = src;
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        path = path.substring(0, end);
        if (!baseurl.isEmpty()) {
            if (!path.startsWith(baseurl + "/")) {
                return null;
            }
            path = path.substring(baseurl.length());
        }
        return decode(path);
    }

    /**
     * As {@link #sitePath(String, String)}, a link to the site's own address in full ({@link #onSite}) too: Jekyll's
     * {@code {{ site.url }}{{ site.baseurl }}/img.png} shows the site's file {@code /img.png}.
     */
    public static String sitePath(String src, String siteUrl, String baseurl) {
        String onSite = src != null && hasScheme(src) ? onSite(src, siteUrl, baseurl) : null;
        return sitePath(onSite != null ? onSite : src, baseurl);
    }

    /**
     * A link to the site's own address written in full ({@code https://example.com/blog/img.png}, which Jekyll's
     * {@code {{ site.url }}{{ site.baseurl }}/img.png} gives) as the root-relative link it stands for
     * ({@code /blog/img.png}); null when the link leads elsewhere, another path of the host outside the baseurl too.
     * {@code siteUrl} is site.yml's url, its scheme and host read in any case; a link to the address alone leads to the
     * baseurl's {@code /}.
     */
    public static String onSite(String link, String siteUrl, String baseurl) {
        String site = siteUrl == null ? "" : siteUrl;
        while (site.endsWith("/")) {
            site = site.substring(0, site.length() - 1);
        }
        int pathStart = site.indexOf('/', site.indexOf("//") + 2);
        pathStart = pathStart < 0 ? site.length() : pathStart;
        site += baseurl;
        if (!hasScheme(site) || link.length() < site.length() || !link.regionMatches(true, 0, site, 0, pathStart)
                || !link.startsWith(site.substring(pathStart), pathStart)) {
            return null;
        }
        String rest = link.substring(site.length());
        if (rest.isEmpty() || rest.charAt(0) == '?' || rest.charAt(0) == '#') {
            return baseurl + "/" + rest;
        }
        return rest.charAt(0) == '/' ? baseurl + rest : null;
    }

    /** Decodes %XX escapes as UTF-8 (a {@code +} stays a {@code +}); null when an escape is broken. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean needsEncoding(int c) {
        return c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0;
    }

    /**
     * The link with each backslash before its query or fragment read as a slash, as browsers read an http(s) URL
     * (WHATWG URL parsing): {@code \images\plot.png}, as Windows authors write it, is {@code /images/plot.png}.
     */
    public static String slashesAsBrowsersRead(String link) {
        int end = link.length();
        for (int i = 0; i < end; i++) {
            char c = link.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
            }
        }
        String path = link.substring(0, end);
        return path.indexOf('\\') < 0 ? link : path.replace('\\', '/') + link.substring(end);
    }
}
