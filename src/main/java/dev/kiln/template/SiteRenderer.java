package dev.kiln.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.model.Document;
import dev.kiln.model.Site;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.Tag;
import dev.kiln.model.UrlPaths;
import dev.kiln.source.ThemeFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Stage 4: renders the site model through the theme's Mustache layouts; the only Mustache.java user. */
public final class SiteRenderer {
    private static final String EXTENSION = ".mustache";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int WORDS_PER_MINUTE = 200;
    private static final int DESCRIPTION_LENGTH = 160;
    static final Pattern ROOT_RELATIVE = Pattern.compile("(\\s(?:href|src)=\")(/(?!/))");
    private static final Pattern MISSING_TEMPLATE = Pattern.compile("Template (\\S+) not found");
    private static final Pattern UNKNOWN_VARIABLE = Pattern.compile("unknown variable \\{\\{(.+?)}}");

    private final Map<String, ThemeFile> files = new LinkedHashMap<>();
    private final Map<String, Mustache> layouts = new TreeMap<>();
    private final Set<String> brokenLayouts = new HashSet<>();

    /** Compiles every layout of the theme; syntax errors and missing partials are reported, not thrown. */
    public SiteRenderer(List<ThemeFile> templates, Diagnostics diagnostics) {
        templates.forEach(t -> files.put(t.name(), t));
        ThemeMustacheFactory factory = new ThemeMustacheFactory(files);
        for (ThemeFile file : templates) {
            if (file.name().contains("/")) {
                continue; // partials are compiled through the layouts that use them
            }
            String layout = file.name().substring(0, file.name().length() - EXTENSION.length());
            try {
                layouts.put(layout, factory.compile(file.name()));
            } catch (MustacheException e) {
                brokenLayouts.add(layout);
                Matcher missing = MISSING_TEMPLATE.matcher(cleanMessage(e));
                if (missing.find()) {
                    diagnostics.add(missingPartial(missing.group(1), file));
                } else {
                    diagnostics.add(templateError(e, file.name(), "template: " + cleanMessage(e), "check the {{ }} tags near this line"));
                }
            }
        }
    }

    public List<RenderedPage> render(Site site, Diagnostics diagnostics) {
        Renderer renderer = new Renderer(site, diagnostics);
        return renderer.renderAll();
    }

    private final class Renderer {
        private final Site site;
        private final SiteConfig config;
        private final Diagnostics diagnostics;
        private final DateTimeFormatter displayDate;
        private final Map<Tag, Integer> tagCounts = new LinkedHashMap<>();
        private final List<RenderedPage> pages = new ArrayList<>();
        /** A post is listed on many pages (home, archive, tags, its neighbours): its summary is made once. */
        private final Map<Document, Views.PostSummary> summaries = new IdentityHashMap<>();

        Renderer(Site site, Diagnostics diagnostics) {
            this.site = site;
            this.config = site.config();
            this.diagnostics = diagnostics;
            this.displayDate = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.forLanguageTag(config.language()));
            site.tags().forEach(t -> tagCounts.put(t.tag(), t.posts().size()));
        }

        List<RenderedPage> renderAll() {
            List<Document> posts = site.posts();
            for (int i = 0; i < posts.size(); i++) {
                Document post = posts.get(i);
                PostLinks links = new PostLinks(i + 1 < posts.size() ? summary(posts.get(i + 1)) : null,
                        i > 0 ? summary(posts.get(i - 1)) : null);
                renderDocument(post, links);
            }
            for (Document page : site.pages()) {
                renderDocument(page, new PostLinks(null, null));
            }
            renderHome();
            renderArchive();
            renderTags();
            SourcePosition theme = themeOrigin("404");
            emit("404", "/404.html", theme, new Views.Context(siteView("/404.html"),
                    listPage("Page not found", "The page you are looking for does not exist.", "/404.html", "404"),
                    null, null, null, null));
            for (Document doc : site.posts()) {
                doc.aliases().forEach(alias -> redirect(alias, doc));
            }
            for (Document doc : site.pages()) {
                doc.aliases().forEach(alias -> redirect(alias, doc));
            }
            return pages;
        }

        private record PostLinks(Views.PostSummary previous, Views.PostSummary next) {}

        private void renderDocument(Document doc, PostLinks links) {
            if (brokenLayouts.contains(doc.layout())) {
                return; // its template error is already reported
            }
            if (!layouts.containsKey(doc.layout())) {
                diagnostics.error(doc.layoutPosition(), "unknown layout '" + doc.layout() + "'",
                        "layouts in this theme: " + String.join(", ", layouts.keySet()));
                return;
            }
            String excerpt = doc.content().excerptHtml();
            String description = doc.description() != null ? doc.description()
                    : PlainText.shorten(PlainText.of(excerpt), DESCRIPTION_LENGTH);
            Views.PageView page = new Views.PageView(doc.title(), doc.subtitle(), description, link(doc.url()),
                    absolute(doc.url()), doc.isPost() ? "post" : "page", doc.isPost(), doc.author(),
                    doc.date() == null ? null : displayDate.format(doc.date()),
                    doc.date() == null ? null : ISO.format(doc.date()),
                    asset(doc.background()), absoluteAsset(doc.background()), tagViews(doc.tags()),
                    withBaseurl(doc.content().html()), withBaseurl(doc.content().toc()), withBaseurl(excerpt), readingTime(doc),
                    links.previous(), links.next(), doc.draft(), doc.scheduled(), doc.params());
            emit(doc.layout(), doc.url(), SourcePosition.startOf(doc.source()),
                    new Views.Context(siteView(doc.url()), page, null, null, null, null));
        }

        private void renderHome() {
            List<Document> posts = site.posts();
            int size = config.paginate();
            int total = Math.max(1, (posts.size() + size - 1) / size);
            for (int n = 1; n <= total; n++) {
                List<Views.PostSummary> chunk = posts.subList((n - 1) * size, Math.min(posts.size(), n * size))
                        .stream().map(this::summary).toList();
                String url = homeUrl(n);
                Views.PaginatorView paginator = new Views.PaginatorView(chunk, n, total,
                        n > 1 ? link(homeUrl(n - 1)) : null, n < total ? link(homeUrl(n + 1)) : null);
                String title = n == 1 ? config.title() : config.title() + " - page " + n;
                Views.PageView page = listPage(title, config.description(), url, "home");
                emit("home", url, themeOrigin("home"), new Views.Context(siteView(url), page, paginator, null, null, null));
            }
        }

        private static String homeUrl(int n) {
            return n == 1 ? "/" : "/page/" + n + "/";
        }

        private void renderArchive() {
            Map<String, List<Views.PostSummary>> byYear = site.posts().stream().collect(Collectors.groupingBy(
                    p -> String.valueOf(p.date().getYear()), LinkedHashMap::new,
                    Collectors.mapping(this::summary, Collectors.toList())));
            List<Views.YearView> years = byYear.entrySet().stream()
                    .map(e -> new Views.YearView(e.getKey(), e.getValue())).toList();
            String url = "/posts/";
            emit("archive", url, themeOrigin("archive"), new Views.Context(siteView(url),
                    listPage("Posts", "All posts, newest first", url, "archive"), null, years, null, null));
        }

        private void renderTags() {
            String index = "/tags/";
            emit("tags", index, themeOrigin("tags"), new Views.Context(siteView(index),
                    listPage("Tags", "Every tag and how many posts carry it", index, "tags"), null, null, null,
                    tagViews(site.tags().stream().map(Site.TagPosts::tag).toList())));
            for (Site.TagPosts tagPosts : site.tags()) {
                Tag tag = tagPosts.tag();
                String url = tagUrl(tag);
                Views.TagPageView view = new Views.TagPageView(tag.name(), tag.slug(), link(url),
                        tagPosts.posts().size(), tagPosts.posts().stream().map(this::summary).toList());
                emit("tag", url, themeOrigin("tag"), new Views.Context(siteView(url),
                        listPage("Posts tagged “" + tag.name() + "”", "Posts tagged " + tag.name(), url, "tag"),
                        null, null, view, null));
            }
        }

        /** A small page at an old URL that sends readers and search engines to the new one. */
        private void redirect(String alias, Document target) {
            String to = escape(absolute(target.url()));
            String html = "<!doctype html>\n<html lang=\"" + escape(config.language()) + "\">\n<head>\n"
                    + "<meta charset=\"utf-8\">\n<title>Redirecting to " + escape(target.title()) + "</title>\n"
                    + "<link rel=\"canonical\" href=\"" + to + "\">\n"
                    + "<meta http-equiv=\"refresh\" content=\"0; url=" + escape(link(target.url())) + "\">\n"
                    + "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
                    + "<p>This page has moved to <a href=\"" + escape(link(target.url())) + "\">" + escape(target.title())
                    + "</a>.</p>\n</body>\n</html>\n";
            pages.add(new RenderedPage(UrlPaths.outputPath(alias), html, SourcePosition.startOf(target.source())));
        }

        private Views.PageView listPage(String title, String description, String url, String kind) {
            return new Views.PageView(title, null, description, link(url), absolute(url), kind, false, config.author(),
                    null, null, null, null, List.of(), "", null, "", 0, null, null, false, false, Map.of());
        }

        private Views.PostSummary summary(Document post) {
            return summaries.computeIfAbsent(post, p -> new Views.PostSummary(p.title(), p.subtitle(), link(p.url()),
                    displayDate.format(p.date()), ISO.format(p.date()), p.author(), withBaseurl(p.content().excerptHtml()),
                    readingTime(p), tagViews(p.tags()), p.draft(), p.scheduled()));
        }

        private List<Views.TagView> tagViews(List<Tag> tags) {
            return tags.stream().map(t -> new Views.TagView(t.name(), t.slug(), link(tagUrl(t)), tagCounts.getOrDefault(t, 0))).toList();
        }

        private Views.SiteView siteView(String currentUrl) {
            List<Views.MenuView> menu = menuItems().stream()
                    .map(m -> new Views.MenuView(m.title(), link(m.url()), m.url().equals(currentUrl)))
                    .toList();
            String year = site.posts().isEmpty() ? "" : String.valueOf(site.posts().get(0).date().getYear());
            return new Views.SiteView(config.title(), config.description(), config.author(), config.url(), config.baseurl(),
                    link("/"), config.baseurl() + "/assets", config.language(), link("/feed.xml"), menu, year);
        }

        /** Home, Posts and Tags, then About when there is an about page, unless site.yml sets a menu. */
        private List<SiteConfig.MenuItem> menuItems() {
            if (config.menu() != null) {
                return config.menu();
            }
            List<SiteConfig.MenuItem> items = new ArrayList<>(List.of(new SiteConfig.MenuItem("Home", "/"),
                    new SiteConfig.MenuItem("Posts", "/posts/"), new SiteConfig.MenuItem("Tags", "/tags/")));
            site.pages().stream().filter(p -> p.url().equals("/about/")).findFirst()
                    .ifPresent(about -> items.add(new SiteConfig.MenuItem(about.title(), about.url())));
            return items;
        }

        private void emit(String layout, String url, SourcePosition origin, Views.Context context) {
            Mustache mustache = layouts.get(layout);
            if (mustache == null) {
                diagnostics.error(origin, "the theme has no '" + layout + EXTENSION + "' layout",
                        "add templates/" + layout + EXTENSION + " or remove templates/ to use the default theme");
                return;
            }
            StringWriter out = new StringWriter();
            try {
                mustache.execute(out, context).flush();
            } catch (MustacheException e) {
                diagnostics.add(templateError(e, layout + EXTENSION, "template: " + cleanMessage(e),
                        "use only the variables listed in the README under 'Template variables'"));
                return;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pages.add(new RenderedPage(UrlPaths.outputPath(url), out.toString(), origin));
        }

        /** Root-relative links in Markdown mean the site's root, so under a baseurl they get its prefix. */
        private String withBaseurl(String html) {
            if (html == null || config.baseurl().isEmpty()) {
                return html;
            }
            return ROOT_RELATIVE.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + config.baseurl() + "/"));
        }

        private String link(String url) {
            return config.baseurl() + url;
        }

        private String absolute(String url) {
            return config.url() + config.baseurl() + url;
        }

        private String asset(String path) {
            if (path == null) {
                return null;
            }
            return path.startsWith("/") ? link(path) : path;
        }

        private String absoluteAsset(String path) {
            if (path == null) {
                return null;
            }
            return path.startsWith("/") ? absolute(path) : path;
        }

        private SourcePosition themeOrigin(String layout) {
            ThemeFile file = files.get(layout + EXTENSION);
            return SourcePosition.startOf(Path.of(file == null ? "templates/" + layout + EXTENSION : file.displayPath()));
        }

        private int readingTime(Document doc) {
            return Math.max(1, (doc.content().wordCount() + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
        }
    }

    static String tagUrl(Tag tag) {
        return "/tags/" + tag.slug() + "/";
    }

    private Diagnostic templateError(MustacheException e, String fallbackFile, String message, String hint) {
        TemplateContext context = e.getContext();
        String variable = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MustacheException me && me.getContext() != null) {
                context = me.getContext();
            }
            // Mustache.java may rethrow with the message only, so the name is read back from it.
            Matcher named = UNKNOWN_VARIABLE.matcher(String.valueOf(cause.getMessage()));
            if (named.find()) {
                variable = named.group(1);
            }
        }
        String name = context == null || context.file() == null ? fallbackFile : context.file();
        ThemeFile file = files.get(name);
        Path path = Path.of(file == null ? "templates/" + name : file.displayPath());
        int line = context == null ? 1 : Math.max(1, context.line());
        return Diagnostic.error(new SourcePosition(path, line, column(file, line, variable)), message, hint);
    }

    /**
     * Mustache.java does not say which template asked for a missing partial; the {{> tag is
     * looked up in the layout and the partials, so the message points at the line to fix.
     */
    private Diagnostic missingPartial(String resource, ThemeFile layout) {
        String name = resource.endsWith(EXTENSION) ? resource.substring(0, resource.length() - EXTENSION.length()) : resource;
        Pattern tag = Pattern.compile("\\{\\{\\s*[><]\\s*/?" + Pattern.quote(name) + "\\s*}}");
        SourcePosition where = SourcePosition.startOf(Path.of(layout.displayPath()));
        List<ThemeFile> candidates = new ArrayList<>(List.of(layout));
        candidates.addAll(files.values());
        search:
        for (ThemeFile file : candidates) {
            String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = tag.matcher(lines[i]);
                if (m.find()) {
                    where = new SourcePosition(Path.of(file.displayPath()), i + 1, m.start() + 1);
                    break search;
                }
            }
        }
        String partials = files.keySet().stream().filter(n -> n.startsWith("partials/") && n.endsWith(EXTENSION))
                .map(n -> n.substring(0, n.length() - EXTENSION.length())).collect(Collectors.joining(", "));
        return Diagnostic.error(where, "template: partial '" + name + "' not found",
                "create templates/" + name + EXTENSION + (partials.isEmpty() ? "" : ", or use one of: " + partials));
    }

    /** The column of the {{ tag that names {@code variable} on that line, or 1 when it cannot be found. */
    private static int column(ThemeFile file, int line, String variable) {
        if (file == null || variable == null) {
            return 1;
        }
        String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n", -1);
        if (line > lines.length) {
            return 1;
        }
        String text = lines[line - 1];
        int at = text.indexOf(variable);
        int open = at < 0 ? -1 : text.lastIndexOf("{{", at);
        return open < 0 ? 1 : open + 1;
    }

    private static String cleanMessage(MustacheException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        return message.replaceAll("@\\[[^]]*]", "").replaceAll("\\s+", " ").strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
