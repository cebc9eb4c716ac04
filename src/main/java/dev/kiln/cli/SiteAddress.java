package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one warning Kiln gives: a site published without its address. Feeds, the sitemap, robots.txt
 * and canonical links need absolute URLs, and without {@code url:} they say http://localhost:4000.
 * It is a warning, not an error, so that a new site builds before it has an address; {@code serve}
 * does not give it, as a preview is at localhost anyway.
 */
final class SiteAddress {
    private static final Pattern URL = Pattern.compile("url:[ \\t]*(?:\"([^\"]*)\"|'([^']*)'|([^#\\r\\n]*?))[ \\t]*(?:#.*)?");
    private static final Pattern COMMENTED = Pattern.compile("#[ \\t]*url:.*");
    private static final Pattern LOCAL = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?/*");

    private SiteAddress() {}

    /** The warning's two lines for the site at {@code root}, or null when site.yml gives an address that is not local. */
    static String warning(Path root) throws IOException {
        Path file = root.resolve("content/site.yml");
        List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        int commented = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = URL.matcher(lines.get(i));
            if (m.matches()) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (!value.isBlank() && !LOCAL.matcher(value.strip()).matches()) {
                    return null;
                }
                return "content/site.yml:" + (i + 1) + ": warning: url: " + (value.isBlank() ? "is empty" : "is " + value.strip())
                        + ", so the feed, sitemap, robots.txt and canonical links point at localhost\n" + HINT;
            }
            if (commented == 0 && COMMENTED.matcher(lines.get(i).strip()).matches()) {
                commented = i + 1;
            }
        }
        return "content/site.yml:" + Math.max(commented, 1) + ": warning: no url:, so the feed, sitemap, robots.txt and canonical"
                + " links point at http://localhost:4000\n" + HINT;
    }

    private static final String HINT = "hint: set url: to the address the site is published at, e.g. url: https://example.com"
            + " (kiln serve needs none)";
}
