package dev.kiln.links;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.text.AccentEncoding;
import dev.kiln.text.HtmlText;
import dev.kiln.text.MarkdownLink;
import dev.kiln.text.UrlText;
import java.net.URI;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks that every internal {@code href} and {@code src} of every generated page points at a
 * generated file (and a {@code #fragment} at an id in it), and that no link leaves the baseurl.
 * A broken link is reported where the author wrote it: the Markdown link's position, else the
 * first place its text appears in the source, else the start of the file that made the page.
 * External links are never fetched.
 */
public final class LinkChecker {
    private static final int MAX_HINT_DISTANCE = 8;

    private final String baseurl;
    /** site.yml's url: a link to it in full is a link into the site. */
    private final String siteUrl;
    private final Set<String> outputPaths;
    private volatile Set<String> topLevelNames; // of outputPaths, made when the first link to the site's address needs them
    private List<String> sortedPaths; // for hints, made when the first broken link needs one
    private final Function<String, Set<String>> idsOf;
    private final Map<String, String> redirects;
    private final Map<String, Resolution> rootRelative = new ConcurrentHashMap<>();

    /** The links and ids of one generated HTML page, read once from its text. */
    public record PageLinks(List<String> links, Set<String> ids) {
        public static PageLinks of(String html) {
            Set<String> links = new LinkedHashSet<>();
            HtmlScanner.links(html, links::add);
            Set<String> ids = new HashSet<>();
            HtmlScanner.ids(html, id -> ids.add(HtmlText.unescape(id)));
            return new PageLinks(List.copyOf(links), Set.copyOf(ids));
        }
    }

    /** A generated page to check, with what is known about its source to place errors. */
    public record Page(String outputPath, PageLinks links, SourcePosition origin, List<WrittenLink> written, String sourceText) {}

    /** A link as the author wrote it in Markdown, with its position. */
    public record WrittenLink(String url, SourcePosition position) {}

    /**
     * The outcome for one page: its broken links, and the files its links lead to (a page must be
     * checked again when one of them goes away or changes its ids).
     */
    public record PageReport(List<Broken> broken, Set<String> targets) {}

    /** A broken link; {@code position} is where the author wrote it, or null when no source line has it. */
    public record Broken(String raw, String message, String hint, String page, SourcePosition origin, SourcePosition position) {}

    /**
     * @param siteUrl the site's address (site.yml's url), which a link may start with and still lead into the site
     * @param idsOf the ids of a generated HTML page, or null for a file that is not one
     * @param redirects for each redirect page (an alias), the file it sends readers to: a {@code #fragment}
     *                  of a link to an old URL must be an id there, where the reader lands
     */
    public LinkChecker(String baseurl, String siteUrl, Set<String> outputPaths, Function<String, Set<String>> idsOf,
                       Map<String, String> redirects) {
        this.baseurl = baseurl;
        this.siteUrl = siteUrl;
        this.outputPaths = outputPaths;
        this.idsOf = idsOf;
        this.redirects = redirects;
    }

    public PageReport check(Page page) {
        List<Broken> broken = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (String raw : page.links().links()) {
            String link = HtmlText.unescape(raw.strip());
            Resolution resolution = resolution(page, link, targets);
            if (resolution != null && resolution.problem() != null) {
                String hint = resolution.hint() != null ? resolution.hint()
                        : resolution.problem().contains(" points at #") ? "headings get ids from their text: ## Next steps has the id next-steps"
                        : hint(local(link));
                broken.add(new Broken(raw, resolution.problem(), hint, page.outputPath(), page.origin(), place(page, raw)));
            }
        }
        return new PageReport(List.copyOf(broken), Set.copyOf(targets));
    }

    /**
     * The errors of a whole site from its pages' reports. Links made by a template repeat on many
     * pages: one report per link and source file. A link already reported where the author wrote it
     * (an excerpt on a list page) is not repeated.
     */
    public static List<Diagnostic> diagnostics(Collection<PageReport> reports) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, List<Broken>> unplaced = new TreeMap<>();
        Set<String> placed = new HashSet<>();
        for (PageReport report : reports) {
            if (report.broken().isEmpty()) {
                continue; // most pages: no iterator for them
            }
            for (Broken broken : report.broken()) {
                if (broken.position() != null) {
                    placed.add(broken.raw());
                    placed.add(sameTarget(broken.message()));
                    diagnostics.add(Diagnostic.error(broken.position(), broken.message(), broken.hint()));
                } else {
                    unplaced.computeIfAbsent(broken.raw() + "\n" + broken.origin().file(), k -> new ArrayList<>()).add(broken);
                }
            }
        }
        unplaced.forEach((key, list) -> {
            if (placed.contains(list.get(0).raw()) || placed.contains(sameTarget(list.get(0).message()))) {
                return; // reported at the place it was written (a post's excerpt link, on the home page, is the post's link)
            }
            list.sort(Comparator.comparing(Broken::page));
            Broken first = list.get(0);
            String where = list.size() == 1 ? " (on " + first.page() + ")" : " (on " + list.size() + " pages, first " + first.page() + ")";
            diagnostics.add(Diagnostic.error(first.origin(), first.message() + where, first.hint()));
        });
        return diagnostics;
    }

    private static final Pattern BROWSER_IGNORED = Pattern.compile("[\\t\\n\\r]|^[\\x00-\\x20]+|[\\x00-\\x20]+$");

    /** What a broken link's message says of where it leads ("points at #x, which is not an id in /a/index.html"), to match it. */
    private static String sameTarget(String message) {
        int at = message.indexOf(" points at #");
        return at < 0 ? message : message.substring(at);
    }

    /** Whether {@link #BROWSER_IGNORED} can match: almost no link has such a character, and the pattern is tried at each one. */
    private static boolean hasSpaceOrControl(String link) {
        for (int i = 0; i < link.length(); i++) {
            if (link.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * The link, or the root-relative link it stands for when it names the site's own address in full:
     * {@code {{ site.url }}{{ site.baseurl }}/img.png} in Jekyll's Liquid leads to a file of the site all the same.
     */
    private String local(String link) {
        String onSite = UrlText.hasScheme(link) ? UrlText.onSite(link, siteUrl, baseurl) : null;
        return onSite != null && writesTopLevel(onSite) ? onSite : link;
    }

    /**
     * Whether the site writes the first name of this root-relative path (a folder or a file at its top): the host may
     * serve more than the site, such as a GitHub user site's project pages ({@code https://someone.github.io/project/}),
     * which are no broken links, while a mistyped file in a folder the site writes is one.
     */
    private boolean writesTopLevel(String rootRelative) {
        String path = rootRelative.substring(baseurl.length() + 1).replaceFirst("[?#].*", "");
        int slash = path.indexOf('/');
        String first = UrlText.decode(slash < 0 ? path : path.substring(0, slash));
        if (first == null || first.isEmpty()) {
            return true; // the home page
        }
        Set<String> names = topLevelNames;
        if (names == null) {
            names = new HashSet<>();
            for (String output : outputPaths) {
                int end = output.indexOf('/');
                names.add(end < 0 ? output : output.substring(0, end));
            }
            topLevelNames = names;
        }
        return names.contains(first);
    }

    /** Null when the link is external; else where it leads and what is wrong with it. */
    private Resolution resolution(Page page, String written, Set<String> targets) {
        // as browsers read a URL (WHATWG URL parsing): tabs and newlines anywhere dropped, spaces and controls at the ends trimmed
        String link = hasSpaceOrControl(written) ? BROWSER_IGNORED.matcher(written).replaceAll("") : written;
        String target = local(link);
        if (target.isEmpty() || UrlText.slashesAsBrowsersRead(target).startsWith("//") || UrlText.hasScheme(target)) {
            return null;
        }
        // A root-relative link means the same on every page (the menu, tag links): resolved once.
        Resolution resolution = target.startsWith("/") ? rootRelative.computeIfAbsent(link, l -> resolve(page, target, link))
                : resolve(page, target, link);
        if (resolution.file() != null) {
            targets.add(resolution.file());
            targets.add(redirects.getOrDefault(resolution.file(), resolution.file()));
        }
        return resolution;
    }

    /**
     * Where a link leads ({@code file}, null when nowhere), what is wrong with it (null when nothing) and how to fix
     * that (null: the closest page).
     */
    private record Resolution(String file, String problem, String hint) {
        Resolution(String file, String problem) {
            this(file, problem, null);
        }
    }

    /** {@code shown}: the link as the page has it, for the messages. */
    private Resolution resolve(Page page, String link, String shown) {
        URI target;
        try {
            target = new URI(pageUrl(page)).resolve(new URI(UrlText.encode(UrlText.slashesAsBrowsersRead(link))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Resolution(null, "link to " + shown + " is not a valid URL");
        }
        String path = target.getPath();
        if (!baseurl.isEmpty() && !(path + "/").startsWith(baseurl + "/")) {
            return new Resolution(null, "link to " + shown + " leaves the site's baseurl " + baseurl);
        }
        String file = fileFor(path.substring(baseurl.length()));
        MarkdownLink source = file == null && page.origin().file().startsWith("content") ? MarkdownLink.of(link) : null;
        if (source != null) {
            // Links to the sources of pages became their URLs (markdown/SourceLinkRewriter): this one names no source.
            String inContent = source.inContent(page.origin().file());
            return new Resolution(null, "link to " + shown + " does not exist: " + (inContent == null
                    ? "it leads out of content/, and only Markdown files in content/ become pages"
                    : "content/" + inContent + " is not a post or page of this site"),
                    "a link to a .md file names the source of a post or page, relative to this file: [About](about.md), "
                            + "[About](../about.md); link to other files by their full URL");
        }
        if (file == null) {
            String encoding = encodingHint(path.substring(baseurl.length()));
            return new Resolution(null, "link to " + shown + " does not exist", encoding != null ? encoding : besideHint(page, link, sortedPaths()));
        }
        String fragment = target.getFragment();
        String landing = redirects.getOrDefault(file, file);
        Set<String> ids = fragment == null || fragment.isEmpty() ? null : idsOf.apply(landing);
        if (ids != null && !ids.contains(fragment)) {
            return new Resolution(file, "link to " + shown + " points at #" + fragment + ", which is not an id in /" + landing);
        }
        return new Resolution(file, null);
    }

    /**
     * For a relative link written in a post or page: the file it names, read from the source's folder as
     * files beside a post are (compile/PostFiles), is not there. Null for other links (the closest page).
     */
    private static String besideHint(Page page, String link, List<String> outputs) {
        Path source = page.origin().file();
        if (link.isEmpty() || "/#?".indexOf(link.charAt(0)) >= 0 || !source.startsWith("content") || source.getNameCount() < 2) {
            return null;
        }
        String path = UrlText.slashesAsBrowsersRead(link).replaceAll("[?#].*", "");
        Path wanted = (source.getParent() == null ? Path.of("") : source.getParent()).resolve(path).normalize();
        if (!wanted.startsWith("content")) {
            return "a relative link is read from the folder of " + slashed(source) + ", and this one leads out of content/";
        }
        String name = wanted.getFileName().toString();
        String elsewhere = outputs.stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).findFirst().orElse(null);
        return "a relative link is read from the folder of " + slashed(source) + ", and there is no " + slashed(wanted)
                + (elsewhere == null ? "; put the file there" : "; put the file there, or link to it by its site path, /" + elsewhere);
    }

    /**
     * For a site path that names a generated file but for how its accented letters are encoded: é as one character
     * (composed, NFC, as most keyboards type it) or as e and a combining accent (decomposed, NFD, as macOS writes
     * file names). Browsers and most servers take them for different names. Null when there is no such file.
     */
    private String encodingHint(String sitePath) {
        if (!AccentEncoding.mayDiffer(sitePath)) {
            return null; // no accented letter: nothing to encode otherwise
        }
        String rel = AccentEncoding.composed(sitePath.startsWith("/") ? sitePath.substring(1) : sitePath);
        for (String path : sortedPaths()) {
            if (!AccentEncoding.mayDiffer(path)) {
                continue;
            }
            String composed = AccentEncoding.composed(path);
            if (composed.equals(rel) || composed.equals(rel + "index.html") || composed.equals(rel + "/index.html")) {
                String url = baseurl + "/" + (path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path);
                return "the file " + url + " differs from the link only in how its accented letters are encoded: "
                        + AccentEncoding.fileAgainstLink(path) + "; rename the file or type the link again";
            }
        }
        return null;
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
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
        return "http://site" + UrlText.encode(baseurl + "/" + path);
    }

    private synchronized List<String> sortedPaths() {
        if (sortedPaths == null) {
            sortedPaths = outputPaths.stream().sorted().toList();
        }
        return sortedPaths;
    }

    private String hint(String link) {
        String wanted = link.replaceAll("[?#].*", "");
        if (wanted.startsWith(baseurl + "/")) {
            wanted = wanted.substring(baseurl.length());
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String path : sortedPaths()) {
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
        for (WrittenLink link : page.written()) {
            if (link.url().equals(raw) || link.url().equals(HtmlText.unescape(raw))) {
                return link.position();
            }
        }
        if (page.sourceText() != null) {
            for (String needle : List.of(raw, HtmlText.unescape(raw))) {
                int at = page.sourceText().indexOf(needle);
                if (at >= 0) {
                    return SourcePosition.at(page.origin().file(), page.sourceText(), at);
                }
            }
        }
        return null;
    }
}
