package dev.kiln.model;

/**
 * Site-relative URLs and the files they map to. Every URL that becomes a file passes
 * {@link #isSafe}, so no front matter can make a write land outside the output folder.
 */
public final class UrlPaths {
    private UrlPaths() {}

    /** True for a path like {@code /a/b/} or {@code /a/b.html}: no {@code ..}, {@code .}, backslash, colon or control character. */
    public static boolean isSafe(String url) {
        if (!url.startsWith("/") || url.contains("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '?' || c == '#' || c == '%' || c == '"' || c == '<' || c == '>') {
                return false;
            }
        }
        for (String segment : url.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** {@code /a/b} becomes {@code /a/b/}; a URL whose last segment has an extension is kept as is. */
    static String normalize(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() || last.contains(".") ? url : url + "/";
    }

    /** The output file for a URL: {@code /a/b/} → {@code a/b/index.html}, {@code /a/b.html} → {@code a/b.html}. */
    public static String outputPath(String url) {
        String path = url.substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** Whether {@code path} is {@link #outputPath}{@code (url)}, without making that path (a build asks it of every page). */
    public static boolean isOutputPath(String path, String url) {
        int stem = url.length() - 1;
        if (url.endsWith("/")) {
            return path.length() == stem + "index.html".length() && path.regionMatches(0, url, 1, stem) && path.endsWith("index.html");
        }
        return path.length() == stem && path.regionMatches(0, url, 1, stem);
    }
}
