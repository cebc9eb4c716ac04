package dev.kiln.model;

import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.YamlDocument;
import dev.kiln.frontmatter.YamlParser;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns content/site.yml into a {@link SiteConfig}, filling in defaults and reporting bad values. */
public final class SiteConfigReader {
    /** Where a site's settings are, relative to its root: the one place the name is spelled. */
    public static final String FILE_NAME = "content/site.yml";
    public static final Path FILE = Path.of(FILE_NAME);

    /**
     * The settings in {@code text}, the text of {@link #FILE} (null when the site has none: every setting at its
     * default); problems go to {@code diagnostics}, at their place in the file.
     */
    public SiteConfig read(String text, Diagnostics diagnostics) {
        YamlDocument doc = text == null ? YamlDocument.empty(FILE)
                : new YamlParser().parse(FILE, text, 1, diagnostics).orElse(YamlDocument.empty(FILE));
        return read(doc, diagnostics);
    }

    static final String DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";

    public SiteConfig read(YamlDocument doc, Diagnostics diagnostics) {
        FieldReader fields = new FieldReader(doc, diagnostics);
        String url = fields.text("url", "http://localhost:4000").strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.matches("https?://[^/\\s]+")) {
            fields.error("url", "url should be the site's address like https://example.com, not '" + url + "'",
                    "put any sub-path in baseurl, e.g. url: https://example.com and baseurl: /blog");
        }
        String baseurl = fields.text("baseurl", "").strip();
        while (baseurl.endsWith("/")) {
            baseurl = baseurl.substring(0, baseurl.length() - 1);
        }
        if (!baseurl.isEmpty() && (!baseurl.startsWith("/") || !UrlPaths.isSafe(baseurl + "/"))) {
            fields.error("baseurl", "baseurl should be a path like /blog, not '" + baseurl + "'",
                    "leave it empty when the site is served from the root of its domain");
            baseurl = "";
        }
        ZoneId zone = ZoneOffset.UTC;
        String timezone = fields.text("timezone", "UTC");
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            fields.error("timezone", "unknown time zone '" + timezone + "'", "use an IANA name such as Europe/Paris or UTC");
        }
        String permalink = fields.text("permalink", DEFAULT_PERMALINK);
        Permalinks.check(permalink).ifPresent(problem -> fields.error("permalink", problem,
                "use placeholders :year :month :day :slug, e.g. " + DEFAULT_PERMALINK));
        Map<String, Object> params = new LinkedHashMap<>(doc.values());
        ThirdPartySettings thirdParty = new ThirdPartySettings(fields, url);
        return new SiteConfig(
                fields.text("title", "My Blog"),
                fields.text("description", ""),
                author(fields, doc),
                url,
                baseurl,
                fields.text("language", "en"),
                permalink,
                fields.positiveInt("paginate", 5),
                fields.positiveInt("feed_size", 10),
                fields.flag("safe_mode", false),
                fields.flag("search", true),
                fields.flag("emoji", false),
                zone,
                menu(fields, doc),
                keep(fields),
                params,
                thirdParty.comments(),
                thirdParty.analytics(),
                relatedPosts(fields, doc),
                feedAliases(fields),
                kramdown(fields, doc));
    }

    /** The kramdown options Kiln applies to every document, as a document's {@code {::options}} sets them. */
    public static final java.util.Set<String> KRAMDOWN_OPTIONS = java.util.Set.of("auto_ids", "auto_id_prefix", "footnote_nr",
            "footnote_backlink", "parse_block_html", "toc_levels");

    /**
     * The option that numbers the lines of every code block in Markdown, kramdown's {@code syntax_highlighter_opts:
     * {block: {line_numbers: true}}}, as the options hold it; Liquid's highlight tag numbers them only with linenos.
     */
    public static final String BLOCK_LINE_NUMBERS = "syntax_highlighter_opts.block.line_numbers";

    /** {@code line_numbers} of {@code syntax_highlighter_opts: {block: …}} when {@code name} is that and it is true or false, else null. */
    public static Boolean blockLineNumbers(String name, Object option) {
        return name.equals("syntax_highlighter_opts") && option instanceof Map<?, ?> opts && opts.get("block") instanceof Map<?, ?> block
                && block.get("line_numbers") instanceof Boolean numbers ? numbers : null;
    }

    /**
     * {@code kramdown:} of Jekyll's _config.yml: the options Kiln reads (KRAMDOWN_OPTIONS) as text ({@code toc_levels: [2, 3]}
     * as 2,3); another option is a warning, as it changes nothing in Kiln's output.
     */
    private static Map<String, String> kramdown(FieldReader fields, YamlDocument doc) {
        Object value = doc.values().get("kramdown");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            fields.error("kramdown", "kramdown should be a map of kramdown options, not '" + value + "'",
                    "write e.g. kramdown: {parse_block_html: true}");
            return Map.of();
        }
        Map<String, String> options = new java.util.TreeMap<>();
        List<String> ignored = new ArrayList<>();
        map.forEach((key, option) -> {
            String name = String.valueOf(key);
            Object lineNumbers = blockLineNumbers(name, option);
            if (lineNumbers != null) {
                options.put(BLOCK_LINE_NUMBERS, String.valueOf(lineNumbers));
            } else if (!KRAMDOWN_OPTIONS.contains(name) || option == null || option instanceof Map<?, ?>) {
                ignored.add(name);
            } else {
                options.put(name, option instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(option));
            }
        });
        if (!ignored.isEmpty()) {
            fields.warning("kramdown", "kramdown option" + (ignored.size() == 1 ? " " : "s ") + String.join(", ", ignored)
                    + (ignored.size() == 1 ? " is" : " are") + " not read by Kiln, which writes the same HTML without",
                    "Kiln reads " + String.join(", ", new java.util.TreeSet<>(KRAMDOWN_OPTIONS))
                            + " and syntax_highlighter_opts: {block: {line_numbers: true}}; remove the others");
        }
        return java.util.Collections.unmodifiableMap(options); // sorted: the build cache's stamp prints it
    }

    /** Other paths of the site's feed ({@code /atom.xml}, where jekyll-feed or a theme had it): each gets the same feed. */
    private static List<String> feedAliases(FieldReader fields) {
        List<String> paths = new ArrayList<>();
        for (String path : fields.words("feed_aliases")) {
            if (path.startsWith("/") && path.endsWith(".xml") && UrlPaths.isSafe(path) && !path.equals(SiteUrls.FEED)
                    && !path.equals(SiteUrls.SITEMAP)) {
                paths.add(path);
            } else {
                fields.error("feed_aliases", "feed_aliases entry '" + path + "' is not a path like /atom.xml",
                        "list the other addresses of the feed, each a site path ending in .xml, e.g. feed_aliases: [/atom.xml]");
            }
        }
        return List.copyOf(paths);
    }

    /** {@code author: Ada}, or Jekyll's {@code author: {name: Ada, email: …}}, whose other keys Liquid reads as site.author.email. */
    private static String author(FieldReader fields, YamlDocument doc) {
        if (doc.values().get("author") instanceof Map<?, ?> map && map.get("name") instanceof String name) {
            return name;
        }
        return fields.text("author", "");
    }

    /** {@code related_posts: 3}, {@code 0} or {@code false}: how many related posts each post shows. */
    private static int relatedPosts(FieldReader fields, YamlDocument doc) {
        Object value = doc.values().get("related_posts");
        if (value == null || Boolean.TRUE.equals(value)) {
            return DEFAULT_RELATED_POSTS;
        }
        if (Boolean.FALSE.equals(value)) {
            return 0;
        }
        if (value instanceof Integer n && n >= 0 && n <= 100) {
            return n;
        }
        fields.error("related_posts", "related_posts should be a number of posts from 0 to 100, or false, not '" + value + "'",
                "write e.g. related_posts: 3, or related_posts: false to show none");
        return DEFAULT_RELATED_POSTS;
    }

    static final int DEFAULT_RELATED_POSTS = 3;

    private static List<SiteConfig.MenuItem> menu(FieldReader fields, YamlDocument doc) {
        Object value = doc.values().get("menu");
        if (value == null) {
            return null;
        }
        List<SiteConfig.MenuItem> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            boolean valid = true;
            for (int i = 0; i < list.size(); i++) {
                String problem = menuEntryProblem(list.get(i));
                if (problem == null) {
                    Map<?, ?> map = (Map<?, ?>) list.get(i);
                    items.add(new SiteConfig.MenuItem(String.valueOf(map.get("title")), (String) map.get("url")));
                } else {
                    // Each bad entry at its own line, not at the menu: key: a long menu is otherwise a hunt.
                    fields.itemError("menu", i, "menu entry " + (i + 1) + " " + problem,
                            "each entry needs a title and a site path starting with /, e.g. {title: About, url: /about/}");
                    valid = false;
                }
            }
            return valid ? items : List.of();
        }
        fields.error("menu", "menu should be a list of {title, url} entries", "write e.g. menu: [{title: About, url: /about/}]");
        return List.of();
    }

    /** Patterns of output files to keep: relative paths inside the output folder, never out of it. */
    private static List<String> keep(FieldReader fields) {
        List<String> keep = new ArrayList<>();
        List<String> words = fields.words("keep");
        for (int i = 0; i < words.size(); i++) {
            String pattern = words.get(i);
            String path = pattern.startsWith("/") ? pattern.substring(1) : pattern;
            if (path.isEmpty() || path.contains("\\") || List.of(path.split("/")).contains("..") || path.indexOf(':') >= 0) {
                fields.itemError("keep", i, "keep: '" + pattern + "' is not a path inside the output folder",
                        "write paths relative to the output folder, e.g. keep: [CNAME, downloads/**]");
            } else {
                keep.add(path);
            }
        }
        return List.copyOf(keep);
    }

    /** What is wrong with one entry of {@code menu}, or null when it is a usable {title, url}. */
    private static String menuEntryProblem(Object item) {
        if (item == null) {
            return "is empty";
        }
        if (!(item instanceof Map<?, ?> map)) {
            return "should be a {title, url} map, not " + (item instanceof List<?> ? "a list" : "'" + item + "'");
        }
        if (map.get("title") == null) {
            return "has no title";
        }
        if (map.get("url") == null) {
            return "has no url";
        }
        if (!(map.get("url") instanceof String url) || !url.startsWith("/") || !UrlPaths.isSafe(url)) {
            return "has url '" + map.get("url") + "', which is not a site path starting with /";
        }
        return null;
    }
}
