package dev.kiln.links;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every internal {@code href} and {@code src} of every generated page points at a
 * generated file (and a {@code #fragment} at an id in it), and that no link leaves the baseurl.
 * A broken link is reported where the author wrote it: the Markdown link's position, else the
 * first place its text appears in the source, else the start of the file that made the page.
 * External links are never fetched.
 */
public final class LinkChecker {
    private static final Pattern TAG = Pattern.compile("<(?:a|link|img|script|source|iframe|area|audio|video|track|embed)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final int MAX_HINT_DISTANCE = 8;

    private final String baseurl;
    private final Set<String> outputPaths;
    private final List<String> sortedPaths;
    private final Map<String, String> htmlByPath;
    private final Map<String, Set<String>> idsByPath = new ConcurrentHashMap<>();

    /** A generated page to check, with what is known about its source to place errors. */
    public record Page(String outputPath, String html, SourcePosition origin, List<WrittenLink> links, String sourceText) {}

    /** A link as the author wrote it in Markdown, with its position. */
    public record WrittenLink(String url, SourcePosition position) {}

    public LinkChecker(String baseurl, Set<String> outputPaths, List<Page> pages) {
        this.baseurl = baseurl;
        this.outputPaths = outputPaths;
        this.sortedPaths = outputPaths.stream().sorted().toList();
        this.htmlByPath = new LinkedHashMap<>();
        pages.forEach(p -> htmlByPath.put(p.outputPath(), p.html()));
    }

    public void check(List<Page> pages, Diagnostics diagnostics) {
        Map<String, List<Broken>> unplaced = new ConcurrentHashMap<>();
        Set<String> placed = ConcurrentHashMap.newKeySet();
        pages.parallelStream().filter(p -> p.outputPath().endsWith(".html")).forEach(page -> {
            for (Broken broken : brokenLinks(page)) {
                SourcePosition position = place(page, broken.raw());
                if (position != null) {
                    placed.add(broken.raw());
                    diagnostics.error(position, broken.message(), broken.hint());
                } else {
                    unplaced.computeIfAbsent(broken.raw() + "\n" + page.origin().file(), k -> new ArrayList<>()).add(broken);
                }
            }
        });
        // Links made by a template repeat on many pages: one report per link and source file. A link
        // already reported where the author wrote it (an excerpt on a list page) is not repeated.
        new TreeMap<>(unplaced).forEach((key, list) -> {
            if (placed.contains(list.get(0).raw())) {
                return;
            }
            list.sort(Comparator.comparing(Broken::page));
            Broken first = list.get(0);
            String where = list.size() == 1 ? " (on " + first.page() + ")" : " (on " + list.size() + " pages, first " + first.page() + ")";
            diagnostics.error(first.origin(), first.message() + where, first.hint());
        });
    }

    private record Broken(String raw, String message, String hint, String page, SourcePosition origin) {}

    private List<Broken> brokenLinks(Page page) {
        List<Broken> broken = new ArrayList<>();
        Matcher tag = TAG.matcher(page.html());
        Set<String> seen = new HashSet<>();
        while (tag.find()) {
            Matcher attribute = ATTRIBUTE.matcher(tag.group());
            while (attribute.find()) {
                String raw = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
                if (seen.add(raw)) {
                    String problem = problem(page, unescape(raw.strip()));
                    if (problem != null) {
                        String hint = problem.contains(" points at #")
                                ? "headings get ids from their text: ## Next steps has the id next-steps"
                                : hint(unescape(raw.strip()));
                        broken.add(new Broken(raw, problem, hint, page.outputPath(), page.origin()));
                    }
                }
            }
        }
        return broken;
    }

    /** Null when the link is fine or external; else what is wrong with it. */
    private String problem(Page page, String link) {
        if (link.isEmpty() || link.startsWith("//") || SCHEME.matcher(link).find()) {
            return null;
        }
        URI target;
        try {
            target = new URI(pageUrl(page)).resolve(new URI(encode(link)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "link to " + link + " is not a valid URL";
        }
        String path = target.getPath();
        if (!baseurl.isEmpty() && !(path + "/").startsWith(baseurl + "/")) {
            return "link to " + link + " leaves the site's baseurl " + baseurl;
        }
        String file = fileFor(path.substring(baseurl.length()));
        if (file == null) {
            return "link to " + link + " does not exist";
        }
        String fragment = target.getFragment();
        if (fragment != null && !fragment.isEmpty() && htmlByPath.containsKey(file)
                && !idsByPath.computeIfAbsent(file, f -> ids(htmlByPath.get(f))).contains(fragment)) {
            return "link to " + link + " points at #" + fragment + ", which is not an id in /" + file;
        }
        return null;
    }

    /** The generated file a site path is served from, or null: {@code /a/} → a/index.html, {@code /a} → a or a/index.html. */
    private String fileFor(String sitePath) {
        String rel = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (rel.isEmpty() || rel.endsWith("/")) {
            return outputPaths.contains(rel + "index.html") ? rel + "index.html" : null;
        }
        if (outputPaths.contains(rel)) {
            return rel;
        }
        return outputPaths.contains(rel + "/index.html") ? rel + "/index.html" : null;
    }

    private String pageUrl(Page page) {
        String path = page.outputPath().endsWith("index.html")
                ? page.outputPath().substring(0, page.outputPath().length() - "index.html".length())
                : page.outputPath();
        return "http://site" + encode(baseurl + "/" + path);
    }

    private String hint(String link) {
        String wanted = link.replaceAll("[?#].*", "");
        if (wanted.startsWith(baseurl + "/")) {
            wanted = wanted.substring(baseurl.length());
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String path : sortedPaths) {
            if (!path.endsWith(".html") && !path.contains(".")) {
                continue;
            }
            String url = "/" + (path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path);
            int distance = distance(wanted, url, bestDistance);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = url;
            }
        }
        if (best != null && bestDistance <= Math.min(MAX_HINT_DISTANCE, Math.max(2, wanted.length() / 3))) {
            return "did you mean " + baseurl + best + " ?";
        }
        return "link to a page the site generates, or put the file in content/";
    }

    /** Edit distance, giving up (returning {@code limit}) once it cannot beat the best so far. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static SourcePosition place(Page page, String raw) {
        for (WrittenLink link : page.links()) {
            if (link.url().equals(raw) || link.url().equals(unescape(raw))) {
                return link.position();
            }
        }
        if (page.sourceText() != null) {
            for (String needle : List.of(raw, unescape(raw))) {
                int at = page.sourceText().indexOf(needle);
                if (at >= 0) {
                    return SourcePosition.at(page.origin().file(), page.sourceText(), at);
                }
            }
        }
        return null;
    }

    private static Set<String> ids(String html) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(html);
        while (m.find()) {
            ids.add(unescape(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return ids;
    }

    private static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Percent-encodes characters java.net.URI refuses (spaces, non-ASCII), keeping existing escapes. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
