package dev.kiln.model;

import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.YamlDocument;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one file's front matter into a typed {@link FrontMatter}: types, dates, background, aliases
 * and tag names are checked here, each error at its key's position, and the document's slug and URL are
 * asked of {@link SiteUrls}, the planner's rules. Depends only on the front matter and the {@link SourceSettings}.
 */
public final class FrontMatterReader {
    /**
     * Every tag page and tag feed lists its posts with all their tags, so output grows with the square
     * of one post's tag count; far above what any post needs, this keeps a site's size sane.
     */
    static final int MAX_TAGS_PER_DOCUMENT = 100;
    private static final Pattern DATED_NAME = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})-(.+)");

    private final SourceSettings settings;
    private final DateParser dates;

    public FrontMatterReader(SourceSettings settings) {
        this.settings = settings;
        this.dates = new DateParser(settings.timezone());
    }

    /** Empty, after reporting why, when the file cannot be given a URL (or, for a post, a date). */
    public Optional<FrontMatter> read(Path path, boolean isPost, YamlDocument frontMatter, Diagnostics diagnostics) {
        FieldReader fields = new FieldReader(frontMatter, diagnostics);
        String stem = stem(path);
        if (isPost && stem.equals("index") && path.getNameCount() > 3) {
            stem = path.getParent().getFileName().toString(); // a post folder: posts/2026-11-01-trip/index.md with its photos
        }
        Matcher dated = DATED_NAME.matcher(stem);
        String nameSlug = dated.matches() ? dated.group(2) : stem;
        String title = fields.text("title", humanize(nameSlug));

        OffsetDateTime date = date(fields, path, isPost, stem, dated, diagnostics);
        if (isPost && date == null) {
            return Optional.empty();
        }
        OffsetDateTime updated = updated(fields);
        fields.flag("comments", true); // checked here, read by the theme's comments from params
        fields.text("media_subpath", null); // checked here, read by the Markdown's images (compile/SourceCompiler)
        fields.text("img_path", null);
        checkMastodon(fields);
        String slug = decided(fields, SiteUrls.slug(fields.has("slug") ? fields.text("slug", "") : null, isPost,
                isPost && dated.matches() ? nameSlug : title, title));
        if (slug == null) {
            return Optional.empty();
        }
        List<String> categoryNames = isPost ? categoryNames(fields) : List.of();
        String url = decided(fields, SiteUrls.document(path, isPost, fields.has("permalink") ? fields.text("permalink", "") : null,
                settings.permalink(), date, slug, title, categoryNames));
        if (url == null) {
            return Optional.empty();
        }
        String background = background(fields);
        List<String> aliases = aliases(fields, url);
        String redirectTo = redirectTo(fields, url);
        boolean draft = fields.flag("draft", false) || !fields.flag("published", true);
        List<String> tagNames = tagNames(fields);

        // Tags group posts; a page has no tag pages to link to, so tags on pages are not used.
        return Optional.of(new FrontMatter(title, fields.text("subtitle", null), fields.text("description", null), date, updated,
                authors(fields), isPost ? List.copyOf(tagNames) : List.of(), background,
                fields.text("layout", isPost ? "post" : "page"), frontMatter.positionOf("layout"), url, draft,
                fields.flag("sitemap", true) && redirectTo == null, List.copyOf(aliases), redirectTo, frontMatter.values(),
                categoryNames,
                isPost ? seriesName(fields) : null,
                fields.flag("render_with_liquid", true),
                frontMatter.positionOf(fields.has("permalink") ? "permalink" : "slug")));
    }

    /** {@code date:}, else the file name's date; null (reported for a post) when there is none. */
    private OffsetDateTime date(FieldReader fields, Path path, boolean isPost, String stem, Matcher dated, Diagnostics diagnostics) {
        if (fields.has("date")) {
            return parseDate(fields, dates, fields.text("date", null));
        } else if (dated.matches()) {
            try {
                return dates.parse(dated.group(1));
            } catch (IllegalArgumentException e) {
                diagnostics.error(dev.kiln.diag.SourcePosition.startOf(path), "file name " + e.getMessage(),
                        "name posts YYYY-MM-DD-title.md with a real date, or add date: to the front matter");
            }
        } else if (isPost) {
            fields.error("date", "post has no date",
                    "add e.g. date: 2019-03-18 to the front matter, or name the file 2019-03-18-" + stem + ".md");
        }
        return null;
    }

    /**
     * Who wrote the file, as jekyll-seo-tag and jekyll-feed read it: {@code author:}, else {@code authors:}, else the site's
     * author. Each is a name, a map with {@code name:} (and {@code url:} or {@code uri:}, {@code email:}), or a list of them.
     */
    private List<Author> authors(FieldReader fields) {
        String key = fields.has("author") || !fields.has("authors") ? "author" : "authors";
        Object value = fields.doc().values().get(key);
        if (value == null) {
            return settings.author().isEmpty() ? List.of() : List.of(new Author(settings.author(), null, null));
        }
        List<?> items = value instanceof List<?> list ? list : Collections.singletonList(value);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Author author = author(fields, key, value instanceof List<?> ? i : -1, items.get(i));
            if (author != null && !author.name().isEmpty()) {
                authors.add(author);
            }
        }
        return List.copyOf(authors);
    }

    /** One author as written (item {@code index} of the list under {@code key}, or -1: the value itself); null if none. */
    private static Author author(FieldReader fields, String key, int index, Object value) {
        if (value == null) {
            return null;
        }
        if (isText(value)) {
            return new Author(String.valueOf(value).strip(), null, null);
        }
        String what = index < 0 ? key : key + " item " + (index + 1);
        if (!(value instanceof Map<?, ?> map)) {
            fields.itemError(key, index, "'" + what + "' should be a name, a map with name:, or a list of them, not a nested list",
                    "write e.g. " + key + ": Jane Doe, " + key + ": {name: Jane Doe, url: https://jane.example}, or " + key + ": [Jane, Joe]");
            return null;
        }
        if (!isText(map.get("name"))) {
            fields.itemError(key, index, "'" + what + "' is a map " + (map.get("name") == null ? "without name:" : "whose name: is not text")
                    + ", so there is no name to show readers", "write the name readers see: " + key + ": {name: Jane Doe"
                    + (map.isEmpty() ? "" : ", " + map.keySet().stream().filter(k -> !"name".equals(k)).map(k -> k + ": …")
                    .collect(Collectors.joining(", "))) + "}");
            return null;
        }
        Object url = isText(map.get("url")) ? map.get("url") : map.get("uri");
        return new Author(String.valueOf(map.get("name")).strip(), isText(url) ? String.valueOf(url).strip() : null,
                isText(map.get("email")) ? String.valueOf(map.get("email")).strip() : null);
    }

    private static boolean isText(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** The last change the author declared ({@code last_modified_at} or {@code updated}), or null. */
    private OffsetDateTime updated(FieldReader fields) {
        OffsetDateTime updated = null;
        for (String key : List.of("last_modified_at", "updated")) {
            if (fields.has(key) && updated == null) {
                try {
                    String text = fields.text(key, null); // null: a wrong type, already reported
                    updated = text == null ? null : dates.parse(text);
                } catch (IllegalArgumentException e) {
                    fields.error(key, e.getMessage(), "write dates like 2019-03-18 or 2019-03-18 09:30:00 +0100");
                }
            }
        }
        return updated;
    }

    private static void checkMastodon(FieldReader fields) {
        if (fields.has("mastodon")) {
            String thread = fields.text("mastodon", "");
            if (!thread.matches("https://[A-Za-z0-9.-]+/@[A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?/\\d+/?")) {
                fields.error("mastodon", "mastodon should be the address of the post that starts this post's thread, not '" + thread + "'",
                        "copy the post's address, like https://mastodon.social/@user/109348562813934890");
            }
        }
    }

    /** What {@link SiteUrls} decided, or null after reporting why it could not. */
    private static String decided(FieldReader fields, SiteUrls.Decision decision) {
        if (decision.value() == null) {
            fields.error(decision.key(), decision.problem(), decision.hint());
        }
        return decision.value();
    }

    /** {@code background:}, or null when absent or not an image address (reported). */
    private static String background(FieldReader fields) {
        String background = fields.text("background", null);
        if (background != null && !isSafeLink(background)) {
            fields.error("background", "background '" + background + "' is not an image address",
                    background.strip().startsWith("//") ? "write the scheme: https:" + background.strip()
                            + ", or a site path like /img/header.jpg" : "use a site path like /img/header.jpg or an https:// URL");
            background = null;
        }
        return background;
    }

    /**
     * The old URLs that redirect here: {@code aliases:}, then jekyll-redirect-from's {@code redirect_from:} (a text or a
     * list; each read as that plugin published it, {@link SiteUrls#redirectFrom}, and left out when {@code aliases:} has it
     * already, as the Jekyll import writes both). Unsafe ones are reported and left out. One that is the document's own URL
     * but for case (GitHub Pages served both) is left out with a warning: on a file system that ignores case its
     * redirect page would overwrite the page itself.
     */
    private static List<String> aliases(FieldReader fields, String url) {
        List<String> aliases = new ArrayList<>();
        List<String> written = fields.words("aliases");
        for (int i = 0; i < written.size(); i++) {
            String alias = written.get(i);
            alias(fields, "aliases", i, alias, SiteUrls.alias(alias), url, aliases);
        }
        int fromAliases = aliases.size();
        List<String> redirectFrom = fields.texts("redirect_from");
        for (int i = 0; i < redirectFrom.size(); i++) {
            String old = SiteUrls.redirectFrom(redirectFrom.get(i));
            if (!aliases.subList(0, fromAliases).contains(old)) {
                alias(fields, "redirect_from", i, redirectFrom.get(i), old, url, aliases);
            }
        }
        return aliases;
    }

    /** One old URL ({@code normalized}) as item {@code i} of {@code key} wrote it, added to {@code aliases} unless it cannot be. */
    private static void alias(FieldReader fields, String key, int i, String written, String normalized, String url, List<String> aliases) {
        String named = (key.equals("aliases") ? "alias" : key) + " '" + written + "'";
        if (!UrlPaths.isSafe(normalized)) {
            fields.error(key, named + " is not a safe site path", "write old URLs like /2019/03/17/old-name.html");
        } else if (UrlPaths.outputPath(normalized).equalsIgnoreCase(UrlPaths.outputPath(url))) {
            boolean same = UrlPaths.outputPath(normalized).equals(UrlPaths.outputPath(url));
            fields.itemWarning(key, i, named + " " + (same ? "is" : "differs only in case from") + " this page's own URL "
                    + url + ", so it is skipped (where file names ignore case, its redirect would overwrite the page)",
                    "remove it; a server that ignores case in paths, as GitHub Pages does, answers at both addresses");
        } else {
            aliases.add(normalized);
        }
    }

    /**
     * jekyll-redirect-from's {@code redirect_to:}: the address this page's URL sends readers to instead of showing the page
     * (a full http(s) address or a site path), or null; anything else is reported.
     */
    private static String redirectTo(FieldReader fields, String url) {
        String to = fields.text("redirect_to", null);
        if (to == null) {
            return null;
        }
        String address = to.strip();
        if (address.equals(url)) {
            fields.error("redirect_to", "redirect_to '" + to + "' is this page's own URL, so readers would be sent there forever",
                    "write the address the page has moved to, or remove redirect_to");
            return null;
        }
        if (address.matches("https?://[^\\s\"'<>\\\\]+") || UrlPaths.isSafe(address)) {
            return address;
        }
        fields.error("redirect_to", "redirect_to '" + to + "' is not an address to send readers to",
                "write a full address such as https://example.com/new-page/ or a site path such as /new-page/");
        return null;
    }

    /** The tags as written, each once, without those that have no letters or digits, at most {@link #MAX_TAGS_PER_DOCUMENT}. */
    private static List<String> tagNames(FieldReader fields) {
        List<String> tagNames = new ArrayList<>(new LinkedHashSet<>(fields.words("tags").stream()
                .map(t -> t.strip()).filter(t -> !t.isEmpty()).toList()));
        for (String tag : tagNames) {
            if (Slugs.slugOrCodePoints(tag).isEmpty()) {
                fields.error("tags", "tag '" + tag + "' has no letters or digits", "remove it or spell it with letters");
            }
        }
        tagNames.removeIf(t -> Slugs.slugOrCodePoints(t).isEmpty());
        if (tagNames.size() > MAX_TAGS_PER_DOCUMENT) {
            fields.error("tags", tagNames.size() + " tags on one page; at most " + MAX_TAGS_PER_DOCUMENT + " are allowed",
                    "keep the tags readers would browse by");
            tagNames = new ArrayList<>(tagNames.subList(0, MAX_TAGS_PER_DOCUMENT));
        }
        return tagNames;
    }

    /**
     * Jekyll's categories: {@code categories:} (a list, or words separated by spaces), then
     * {@code category:} (one name, or a list), as Jekyll 4 joins them; the same name twice (ignoring
     * case) counts once. Each needs a letter or digit, as a tag does.
     */
    private static List<String> categoryNames(FieldReader fields) {
        List<String> names = new ArrayList<>(fields.words("categories"));
        if (fields.has("category")) {
            if (fields.doc().values().get("category") instanceof List<?>) {
                names.addAll(fields.words("category"));
            } else {
                String one = fields.text("category", null);
                if (one != null) {
                    names.add(one);
                }
            }
        }
        List<String> kept = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            String stripped = name.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (Slugs.slugOrCodePoints(stripped).isEmpty()) {
                fields.error(fields.has("categories") ? "categories" : "category", "category '" + stripped + "' has no letters or digits",
                        "remove it or spell it with letters");
            } else if (keys.add(RoutePlanner.tagKey(stripped)) && kept.size() < MAX_TAGS_PER_DOCUMENT) {
                kept.add(stripped);
            }
        }
        return List.copyOf(kept);
    }

    /** {@code series: Name}: the posts sharing it (ignoring case) are read in date order, part 1 the oldest. */
    private static String seriesName(FieldReader fields) {
        String name = fields.text("series", null);
        if (name == null || name.isBlank()) {
            return null;
        }
        if (Slugs.slugOrCodePoints(name.strip()).isEmpty()) {
            fields.error("series", "series '" + name.strip() + "' has no letters or digits", "name the series with letters");
            return null;
        }
        return name.strip();
    }

    private static OffsetDateTime parseDate(FieldReader fields, DateParser dates, String text) {
        if (text == null) {
            return null; // not a text value: reported by the FieldReader already
        }
        try {
            return dates.parse(text);
        } catch (IllegalArgumentException e) {
            fields.error("date", e.getMessage(), "write dates like 2019-03-18 or 2019-03-18 09:30:00 +0100");
            return null;
        }
    }

    /**
     * Links an author may give for images: site paths and http(s) URLs; never javascript: or data: URLs.
     * Quotes, parentheses, backslashes and control characters are refused too: themes print the link
     * inside CSS {@code url('…')}, where HTML escaping does not help, and browsers read "/\\" as "//".
     */
    static boolean isSafeLink(String link) {
        String lower = link.strip().toLowerCase(Locale.ROOT);
        if (!lower.chars().allMatch(c -> c >= 0x20 && c != 0x7f && "'\"()\\<>".indexOf(c) < 0)) {
            return false;
        }
        if (lower.startsWith("//")) {
            return false; // protocol-relative: another host, under whatever scheme the page has
        }
        return lower.startsWith("/") || lower.startsWith("https://") || lower.startsWith("http://")
                || (!lower.contains(":") && !lower.isEmpty());
    }

    static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String humanize(String slug) {
        String words = slug.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? slug : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

}
