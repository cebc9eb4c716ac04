package dev.kiln.compile;

import dev.kiln.model.SiteUrls;
import dev.kiln.text.HtmlText;
import dev.kiln.text.UrlText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files beside a post: a relative {@code src} or {@code href} in a post ({@code ![A cat](cat.jpg)}, a
 * photo of a {@code 2026-11-01-trip/index.md} folder) is read from the post's source folder, as an editor
 * and GitHub read it. When a file of content/ is there, the link becomes root-relative (with the baseurl)
 * and the file is published beside the post's URL ({@code /2026/11/01/trip/cat.jpg}), so the link works
 * on the post, in excerpts on list pages and in feeds alike; a file outside the post's folder
 * ({@code ../img/x.jpg}) is linked at its own URL. A link that names a file but for how its accented letters are encoded
 * ({@code café.jpg} composed, the file's name decomposed as macOS writes it) is linked to the file by its real name, and
 * noted for a warning. Links to nothing stay as written, for the link check.
 */
final class PostFiles {
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(<(?:img|a|source|video|audio|track)\\b[^>]*?\\s(?:src|href|poster)=\")([^\"]*)(\")", Pattern.CASE_INSENSITIVE);
    /** The tags of {@link #ATTRIBUTE}. */
    private static final String[] LINKING_TAGS = {"a", "img", "source", "video", "audio", "track"};

    private PostFiles() {}

    /**
     * What a post's links led to, filled in by {@link #rewrite}: the files beside it (site path → path under content/), and
     * the links that name a file but for how their accented letters are encoded (link as written → path under content/).
     */
    record Found(Map<String, String> files, Map<String, String> encodedOtherwise) {}

    /**
     * @param source  the post, relative to the site root ({@code content/posts/2026-11-01-trip/index.md})
     * @param postUrl the post's URL without the baseurl ({@code /2026/11/01/trip/})
     * @param site    the URLs of the files of content/ ({@code posts/2026-11-01-trip/cat.jpg}), the answers recorded
     * @return the HTML with its links to files rewritten
     */
    static String rewrite(String html, Path source, String postUrl, String baseurl, SourceLinkLookup site, Found found) {
        if (html.indexOf('=') < 0) {
            return html;
        }
        String folder = folderInContent(source);
        Matcher m = ATTRIBUTE.matcher(html);
        StringBuilder out = null;
        int last = 0;
        for (int from = 0; nextTag(m, html, from); from = m.end()) {
            String raw = HtmlText.unescape(m.group(2));
            String url = rewritten(raw, folder, postUrl, site, found);
            if (url == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(html.length() + 64);
            }
            out.append(html, last, m.start(2)).append(HtmlText.escape(baseurl + url));
            last = m.end(2);
        }
        return out == null ? html : out.append(html, last, html.length()).toString();
    }

    /**
     * {@code m.find()} from {@code from}, tried only where a tag starts: a case-insensitive pattern is otherwise tried at every
     * character, which made this 4% of the samples of a 10,000-post build.
     */
    private static boolean nextTag(Matcher m, String html, int from) {
        for (int at = html.indexOf('<', from); at >= 0; at = html.indexOf('<', at + 1)) {
            if (linkingTag(html, at + 1) && m.region(at, html.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a tag whose name starts at {@code at} is one that {@link #ATTRIBUTE} reads: most are not (p, li, code, span). */
    private static boolean linkingTag(String html, int at) {
        int end = at;
        while (end < html.length() && end - at < 7 && Character.isLetter(html.charAt(end))) {
            end++;
        }
        int length = end - at; // compared in place: a substring per tag was most of this method's cost
        for (String name : LINKING_TAGS) {
            if (name.length() == length && html.regionMatches(true, at, name, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static String rewritten(String raw, String folder, String postUrl, SourceLinkLookup site, Found found) {
        // a backslash is a slash, as browsers read it (and Windows editors such as Typora write ..\images\x.png)
        String slashed = UrlText.slashesAsBrowsersRead(raw);
        if (slashed.isEmpty() || "/#?".indexOf(slashed.charAt(0)) >= 0 || UrlText.hasScheme(slashed) || folder == null) {
            return null;
        }
        int end = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '?' || raw.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String path = UrlText.decode(slashed.substring(0, end));
        String inContent = path == null ? null : resolve(folder, path);
        if (inContent == null || inContent.isEmpty() || inContent.endsWith("/")) {
            return null;
        }
        String lower = inContent.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return null; // a page's source: SourceLinkRewriter's
        }
        if (site.fileUrl(inContent) == null) {
            String file = site.fileEncodedOtherwise(inContent);
            if (file == null) {
                return null; // no such file: the link check reports it
            }
            found.encodedOtherwise().putIfAbsent(raw, file); // linked by the file's name, as browsers and servers take names
            inContent = file;
        }
        String rest = raw.substring(end);
        if (!folder.isEmpty() && inContent.startsWith(folder + "/")) {
            String sitePath = SiteUrls.besidePost(postUrl, inContent.substring(folder.length() + 1));
            found.files().put(sitePath, inContent);
            return UrlText.encode(sitePath) + rest;
        }
        return UrlText.encode(SiteUrls.staticFile(inContent)) + rest;
    }

    /** The post's folder under content/ ({@code posts/2026-11-01-trip}), or null for a file outside content/. */
    private static String folderInContent(Path source) {
        if (source.getNameCount() < 2 || !source.getName(0).toString().equals("content")) {
            return null;
        }
        return source.getNameCount() == 2 ? "" : source.subpath(1, source.getNameCount() - 1).toString().replace('\\', '/');
    }

    /** {@code path} from {@code folder}, both under content/; null when it leads out of content/. */
    private static String resolve(String folder, String path) {
        Deque<String> segments = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String segment : folder.split("/")) {
                segments.addLast(segment);
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments) + (path.endsWith("/") ? "/" : "");
    }
}
