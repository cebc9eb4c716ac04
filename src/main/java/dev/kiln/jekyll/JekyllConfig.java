package dev.kiln.jekyll;

import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.YamlDocument;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.text.YamlText;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Jekyll site's _config.yml, split into what Kiln's site.yml can say and what it cannot. Reading
 * it reports nothing as an error but a value Jekyll itself would refuse (an unknown time zone).
 */
final class JekyllConfig {
    /** Keys with a site.yml equivalent, mapped to it. */
    private static final Map<String, String> CONVERTED = Map.of(
            "title", "title", "description", "description", "author", "author", "url", "url", "baseurl", "baseurl",
            "timezone", "timezone", "lang", "language", "paginate", "paginate");
    /** Keys that only steer how Jekyll builds, with what Kiln does instead. */
    private static final Map<String, String> REPLACED = Map.ofEntries(
            Map.entry("theme", "Kiln uses its own theme (templates/, or the bundled one)"),
            Map.entry("remote_theme", "Kiln uses its own theme (templates/, or the bundled one)"),
            Map.entry("plugins", "Kiln has feeds, a sitemap, redirects (aliases:, and jekyll-redirect-from's redirect_from: and redirect_to:,"
                    + " without its /redirects.json) and SEO tags built in; other plugins do not run"),
            Map.entry("gems", "Kiln has feeds, a sitemap, redirects (aliases:, and jekyll-redirect-from's redirect_from: and redirect_to:,"
                    + " without its /redirects.json) and SEO tags built in; other plugins do not run"),
            Map.entry("markdown", "Kiln reads kramdown's Markdown itself"),
            Map.entry("kramdown", "Kiln reads kramdown's Markdown itself; its options are not used"),
            Map.entry("highlighter", "Kiln highlights code at build time itself"),
            Map.entry("sass", "Kiln does not compile Sass; the theme's CSS is plain CSS"),
            Map.entry("collections", "Kiln has no collections: the documents of those with output: true are imported as pages (the"
                    + " report names each), and Liquid's site.NAME lists none of them"),
            Map.entry("defaults", "front matter defaults: their permalink: gives the Jekyll URLs that redirect (or stay, with"
                    + " --keep-urls); their other values are written into the front matter of each file they apply to that lacks them"),
            Map.entry("paginate_path", "Kiln's older home pages are at /page/2/, /page/3/, …"),
            Map.entry("exclude", "applied to this import; Kiln publishes everything in content/"),
            Map.entry("include", "applied to this import; Kiln publishes everything in content/"),
            Map.entry("markdown_ext", "applied to this import; Kiln reads .md and .markdown"),
            Map.entry("permalink", ""),
            Map.entry("excerpt_separator", ""));

    private static final List<String> ALWAYS_EXCLUDED = List.of(".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile",
            "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby");

    final YamlDocument doc;
    final String permalink;
    final ZoneId zone;
    final Set<String> markdownExtensions;
    final List<String> exclude;
    final List<String> include;

    JekyllConfig(YamlDocument doc, Diagnostics diagnostics) {
        this.doc = doc;
        Map<String, Object> values = doc.values();
        this.permalink = text(values.get("permalink"), "date");
        ZoneId zone = ZoneOffset.UTC;
        if (values.get("timezone") != null && !String.valueOf(values.get("timezone")).isBlank()) {
            try {
                zone = ZoneId.of(String.valueOf(values.get("timezone")));
            } catch (DateTimeException e) {
                diagnostics.error(doc.positionOf("timezone"), "unknown time zone '" + values.get("timezone") + "'",
                        "Jekyll and Kiln take an IANA name such as Europe/Paris; fix it in _config.yml and import again");
            }
        }
        this.zone = zone;
        this.markdownExtensions = Set.copyOf(List.of(text(values.get("markdown_ext"), "markdown,mkdown,mkdn,mkd,md")
                .toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
        List<String> excluded = new ArrayList<>(ALWAYS_EXCLUDED);
        excluded.addAll(words(values.get("exclude")));
        this.exclude = List.copyOf(excluded);
        this.include = words(values.get("include"));
    }

    /**
     * site.yml for Kiln: the settings that carry over, with {@code permalink} when given (the pattern
     * Kiln should use for posts, or null for Kiln's default). Returns the text and the keys converted.
     */
    SiteYml siteYml(String kilnPermalink, String cname) {
        Map<String, Object> values = doc.values();
        StringBuilder yml = new StringBuilder("# Settings for the whole site, converted from Jekyll's _config.yml by kiln import jekyll.\n"
                + "# Every key is optional; the README's \"site.yml reference\" explains each one.\n\n");
        List<String> converted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String address = null;
        for (String key : List.of("title", "description", "author", "url", "baseurl", "lang", "timezone", "paginate")) {
            Object value = values.get(key);
            if (key.equals("author") && value instanceof Map<?, ?> map) {
                value = map.get("name");
            }
            if (key.equals("title") && blank(value) && !blank(values.get("name"))) {
                value = values.get("name");
                converted.add("name as title");
            }
            if (key.equals("url") && blank(value)) {
                Identity found = address(cname);
                if (found != null) {
                    value = found.value();
                    address = found.from();
                }
            }
            if (value == null || value instanceof List<?> || value instanceof Map<?, ?>) {
                continue;
            }
            String text = String.valueOf(value).strip();
            if (text.isEmpty()) {
                continue; // Jekyll's themes ship url: "" and baseurl: ""; Kiln's defaults mean the same
            }
            String problem = problem(key, text);
            if (problem != null) {
                refused.add(key + ": " + problem);
                continue;
            }
            yml.append(CONVERTED.get(key)).append(": ")
                    .append(key.equals("paginate") ? text : YamlText.quoted(text)).append('\n');
            if (!(key.equals("url") && address != null) && !(key.equals("title") && converted.contains("name as title"))) {
                converted.add(key);
            }
        }
        if (kilnPermalink != null) {
            yml.append("permalink: ").append(YamlText.quoted(kilnPermalink)).append('\n');
        }
        if (plugins().contains("jemoji")) {
            yml.append("# jemoji's :shortcodes: in posts become the emoji themselves (Jekyll linked GitHub's images of them).\n"
                    + "emoji: true\n");
            converted.add("jemoji in plugins as emoji: true");
        }
        Map<String, Object> kramdown = kramdownOptions(true);
        if (!kramdown.isEmpty()) {
            yml.append("kramdown:\n");
            kramdown.forEach((key, value) -> yml.append("  ").append(key).append(key.equals("syntax_highlighter_opts")
                    ? ":\n    " + value : ": " + (value instanceof String text ? YamlText.quoted(text)
                    : value instanceof List<?> list ? list.toString() : String.valueOf(value))).append('\n'));
            converted.add("kramdown (" + String.join(", ", kramdown.keySet()) + ")");
        }
        boolean hasUrl = yml.toString().contains("\nurl: ");
        return new SiteYml(yml.toString(), converted, refused, hasUrl ? address : null, hasUrl);
    }

    /**
     * {@code refused}: keys whose value Kiln's site.yml cannot take, each with why; {@code urlFrom}: where the
     * address came from when _config.yml has no {@code url:} (CNAME, or a key such as {@code production_url}).
     */
    record SiteYml(String text, List<String> converted, List<String> refused, String urlFrom, boolean hasUrl) {}

    private record Identity(String value, String from) {}

    /** Hosts whose address a {@code *_url} key names that are the author's profile elsewhere, never the site itself. */
    private static final Set<String> PROFILE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "twitter.com", "x.com",
            "linkedin.com", "facebook.com", "instagram.com", "youtube.com", "medium.com", "mastodon.social", "stackoverflow.com",
            "keybase.io", "disqus.com", "google.com", "feedburner.com", "feeds.feedburner.com");

    /**
     * The site's address when _config.yml has no {@code url:}: GitHub Pages' CNAME file (served over HTTPS),
     * else a {@code *_url} key holding a site's address ({@code production_url} of Jekyll-Bootstrap first).
     */
    private Identity address(String cname) {
        if (cname != null) {
            String host = cname.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/+$", "");
            if (host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                return new Identity("https://" + host, "CNAME");
            }
        }
        List<String> keys = new ArrayList<>();
        for (String key : doc.values().keySet()) {
            if (key.endsWith("_url") && doc.values().get(key) instanceof String) {
                keys.add(key);
            }
        }
        keys.sort(java.util.Comparator.comparing((String k) -> !k.equals("production_url")).thenComparing(k -> !k.equals("site_url"))
                .thenComparing(k -> k));
        for (String key : keys) {
            String value = ((String) doc.values().get(key)).strip().replaceAll("/+$", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://(?:www\\.)?([^/:\\s]+)(?::\\d+)?").matcher(value);
            if (m.matches() && !PROFILE_HOSTS.contains(m.group(1).toLowerCase(Locale.ROOT))
                    && !m.group(1).equals("localhost") && !m.group(1).startsWith("127.")) {
                return new Identity(value, key);
            }
        }
        return null;
    }

    /** Where jekyll-feed wrote the feed ({@code feed: path:}, else /feed.xml), or null when the site does not use it. */
    String jekyllFeedPath() {
        if (!plugins().contains("jekyll-feed")) {
            return null;
        }
        Object path = doc.values().get("feed") instanceof Map<?, ?> feed ? feed.get("path") : null;
        if (!(path instanceof String p) || p.isBlank()) {
            return "/feed.xml";
        }
        String slashed = p.strip().startsWith("/") ? p.strip() : "/" + p.strip();
        return slashed.endsWith(".xml") && dev.kiln.model.UrlPaths.isSafe(slashed) ? slashed : "/feed.xml";
    }

    /** The gems listed in {@code plugins:}, or in {@code gems:} as Jekyll 2 named it. */
    private List<String> plugins() {
        List<String> plugins = new ArrayList<>(words(doc.values().get("plugins")));
        plugins.addAll(words(doc.values().get("gems")));
        return plugins;
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof List<?> || value instanceof Map<?, ?> || String.valueOf(value).isBlank();
    }

    /** Why site.yml cannot take this value as it is, or null when it can. */
    private static String problem(String key, String text) {
        return switch (key) {
            case "url" -> text.replaceAll("/+$", "").matches("https?://[^/\\s]+") ? null
                    : "Kiln's url is the address alone, like https://example.com (a sub-path goes in baseurl); set it in site.yml";
            case "baseurl" -> text.startsWith("/") && !text.contains("..") && !text.contains(":") && !text.contains("\\") ? null
                    : "Kiln's baseurl is a path like /blog; set it in site.yml";
            case "paginate" -> text.matches("[1-9]\\d{0,5}") ? null : "Kiln's paginate is a whole number above 0";
            default -> null;
        };
    }

    /** A collection of _config.yml's {@code collections:}: whether Jekyll wrote its documents, and its URL pattern (null: Jekyll's). */
    record Collection(boolean output, String permalink) {}

    /** The collection whose folder is {@code _NAME}, or null (posts are no such collection; nor is any under a collections_dir). */
    Collection collection(String name) {
        return doc.values().get("collections_dir") != null ? null : collections().get(name);
    }

    /** _config.yml's {@code collections:} (a list of names, or names with their settings), by name, without posts. */
    Map<String, Collection> collections() {
        Map<String, Collection> all = new LinkedHashMap<>();
        Object collections = doc.values().get("collections");
        if (collections instanceof List<?> list) {
            list.forEach(item -> all.put(String.valueOf(item), new Collection(false, null)));
        } else if (collections instanceof Map<?, ?> map) {
            map.forEach((name, settings) -> {
                Map<?, ?> meta = settings instanceof Map<?, ?> m ? m : Map.of();
                Object permalink = meta.get("permalink");
                all.put(String.valueOf(name), new Collection("true".equals(String.valueOf(meta.get("output"))),
                        permalink == null ? null : String.valueOf(permalink)));
            });
        }
        all.remove("posts");
        return all;
    }

    /**
     * The values _config.yml's {@code defaults:} gives a file, as Jekyll's front matter defaults do: each set whose scope's
     * {@code path} holds the file (a folder, the file, a glob, or "" for all) and whose {@code type} is the file's (none: any),
     * the more specific set (a longer path, then one with a type) over the less, a later one over an earlier, maps merged
     * ({@link #deepMerged}). A file's own front matter goes over them all (the caller's part).
     *
     * @param path the file's path in the Jekyll site, /-separated
     * @param type {@code posts} (drafts too: Jekyll 4.3 reads them into the posts collection, and a scope of type
     *             {@code drafts} holds none), {@code pages}, or a collection's name
     */
    Map<String, Object> defaults(String path, String type) {
        record Scoped(int pathLength, boolean typed, Map<?, ?> values) {}
        List<Scoped> matching = new ArrayList<>();
        if (doc.values().get("defaults") instanceof List<?> sets) {
            for (Object item : sets) {
                if (!(item instanceof Map<?, ?> set) || !(set.get("values") instanceof Map<?, ?> values)) {
                    continue;
                }
                Map<?, ?> scope = set.get("scope") instanceof Map<?, ?> m ? m : Map.of();
                String scopePath = text(scope.get("path"), "").replaceAll("^\\./|^/|/$", "");
                String scopeType = scopeType(text(scope.get("type"), null));
                boolean pathHolds = scopePath.isEmpty() || path.equals(scopePath) || path.startsWith(scopePath + "/")
                        || globMatches(scopePath, path);
                if (pathHolds && (scopeType == null || scopeType.equals(type))) {
                    matching.add(new Scoped(scopePath.length(), scopeType != null, values));
                }
            }
        }
        matching.sort(java.util.Comparator.comparingInt(Scoped::pathLength).thenComparing(Scoped::typed)); // stable: later sets stay later
        Map<Object, Object> merged = new LinkedHashMap<>();
        matching.forEach(set -> merged.putAll(deepMerged(merged, set.values())));
        Map<String, Object> values = new LinkedHashMap<>();
        merged.forEach((key, value) -> values.put(String.valueOf(key), value));
        return values;
    }

    /**
     * {@code over} merged into {@code base} as Jekyll's Utils.deep_merge_hashes merges defaults with each other and a file's
     * front matter with its defaults: a map with a map key by key, all the way down; any other value (a list too) replaces.
     * Keys keep {@code base}'s order, new ones after.
     */
    static Map<Object, Object> deepMerged(Map<?, ?> base, Map<?, ?> over) {
        Map<Object, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> merged.put(key, merged.get(key) instanceof Map<?, ?> was && value instanceof Map<?, ?> map
                ? deepMerged(was, map) : value));
        return merged;
    }

    /**
     * A scope's type as Jekyll 4.3 reads it: the singular forms it deprecated (post, page, draft) are the plural ones.
     * A draft is a document of the posts collection, so {@code drafts} holds no file, as in Jekyll.
     */
    private static String scopeType(String type) {
        return type == null ? null : switch (type) {
            case "post" -> "posts";
            case "page" -> "pages";
            case "draft" -> "drafts";
            default -> type;
        };
    }

    /**
     * The options of _config.yml's {@code kramdown:} that Kiln reads ({@code read}: parse_block_html, auto_ids…, which site.yml's
     * kramdown: takes), or the others (input, syntax_highlighter…), in the order written.
     */
    Map<String, Object> kramdownOptions(boolean read) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (doc.values().get("kramdown") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                Boolean lineNumbers = SiteConfigReader.blockLineNumbers(String.valueOf(key), value);
                boolean readable = lineNumbers != null || SiteConfigReader.KRAMDOWN_OPTIONS.contains(String.valueOf(key))
                        && value != null && !(value instanceof Map<?, ?>);
                if (readable == read) { // of syntax_highlighter_opts, only block line_numbers: its other keys change nothing
                    options.put(String.valueOf(key), lineNumbers != null ? "block:\n      line_numbers: " + lineNumbers : value);
                }
            });
        }
        return options;
    }

    /** Why _config.yml's kramdown: is left out, naming the options site.yml took and those Kiln does not read. */
    private String kramdownReason() {
        Set<String> taken = kramdownOptions(true).keySet();
        Set<String> unread = kramdownOptions(false).keySet();
        if (taken.isEmpty()) {
            return REPLACED.get("kramdown");
        }
        return unread.isEmpty() ? "" : "Kiln reads kramdown's Markdown itself; site.yml's kramdown: took " + String.join(", ", taken)
                + "; " + String.join(", ", unread) + (unread.size() == 1 ? " is" : " are") + " not used";
    }

    /** The keys of _config.yml that site.yml does not take, each with why (empty reason: handled elsewhere). */
    Map<String, String> leftOut() {
        Map<String, String> left = new LinkedHashMap<>();
        for (String key : doc.values().keySet()) {
            if (CONVERTED.containsKey(key)) {
                continue;
            }
            String reason = key.equals("kramdown") ? kramdownReason() : REPLACED.get(key);
            if (reason == null) {
                left.put(key, "Kiln has no such setting; templates can read it as site.params." + key + " only after adding it to site.yml");
            } else if (!reason.isEmpty()) {
                left.put(key, reason);
            }
        }
        return left;
    }

    /** Whether Jekyll leaves {@code path} (relative, /-separated) out of the site, by exclude: or its defaults. */
    boolean excluded(String path) {
        for (String pattern : exclude) {
            String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
            p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            if (path.equals(p) || path.startsWith(p + "/") || globMatches(p, path)) {
                return true;
            }
        }
        return false;
    }

    boolean included(String name) {
        return include.stream().anyMatch(p -> p.equals(name) || p.equals("/" + name) || globMatches(p, name));
    }

    private static boolean globMatches(String pattern, String path) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return false;
        }
        return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(java.nio.file.Path.of(path));
    }

    private static String text(Object value, String fallback) {
        return value == null || value instanceof List<?> || value instanceof Map<?, ?> ? fallback : String.valueOf(value);
    }

    private static List<String> words(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> item != null).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
