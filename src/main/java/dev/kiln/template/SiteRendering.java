package dev.kiln.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.kiln.card.SocialCard;
import dev.kiln.diag.Diagnostic;
import dev.kiln.image.ImageCatalog;
import dev.kiln.model.Document;
import dev.kiln.model.Route;
import dev.kiln.model.Site;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.Tag;
import dev.kiln.text.HtmlText;
import dev.kiln.text.PlainText;
import dev.kiln.text.UrlText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the routes of one site. {@link #inputs} gathers everything a route's output depends on
 * into one value (for a layout, exactly what the template can see), and {@link #render} turns it
 * into text: equal inputs give equal text, which is how a preview knows what it can keep.
 * Thread-safe: the views shared by many pages are made up front.
 */
public final class SiteRendering {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int WORDS_PER_MINUTE = 200;
    private static final int DESCRIPTION_LENGTH = 160;

    private final ThemeRenderer theme;
    private final Site site;
    private final SiteConfig config;
    private final DateTimeFormatter displayDate;
    private final Map<Tag, Integer> tagCounts = new HashMap<>();
    /** A post is listed on many pages (home, archive, tags, its neighbours): its summary is made once, by source. */
    private final Map<Path, Summary> summaries;
    private final FeedWriter feeds;
    private final ImageCatalog images;
    private final ImageMarkup imageMarkup;
    private final SearchIndexWriter searchIndex;
    private final ThirdPartyViews thirdParty;

    SiteRendering(ThemeRenderer theme, Site site, ImageCatalog images, SiteRendering previous) {
        this.summaries = new HashMap<>(site.posts().size() * 4 / 3 + 1);
        this.theme = theme;
        this.site = site;
        this.config = site.config();
        this.images = images;
        this.imageMarkup = new ImageMarkup(images, config.baseurl(), config.url());
        this.thirdParty = new ThirdPartyViews(config);
        this.displayDate = displayDate(config);
        site.tags().forEach(t -> tagCounts.put(t.tag(), t.posts().size()));
        // A summary depends on its post, the settings and its tags' counts: kept when those are the same.
        boolean reuse = previous != null && previous.config.equals(config) && previous.tagCounts.equals(tagCounts)
                && previous.images.equals(images);
        for (Document post : site.posts()) {
            Summary known = reuse ? previous.summaries.get(post.source()) : null;
            boolean same = known != null && (known.post() == post || known.post().equals(post)); // most often the very same document
            summaries.put(post.source(), same ? known : new Summary(post, newSummary(post)));
        }
        this.feeds = new FeedWriter(config);
        this.searchIndex = new SearchIndexWriter(config, displayDate, previous == null ? null : previous.searchIndex);
    }

    /**
     * What every page may show besides its route: the settings, the menu, the footer's year, the
     * tag counts and the images' sizes and copies. Two routes that are equal render the same under equal facts.
     */
    public Facts facts() {
        return new Facts(config, site.menu(), site.year(), Map.copyOf(tagCounts), images);
    }

    /** What every page may show besides its route; see {@link #facts}. */
    public record Facts(SiteConfig config, List<SiteConfig.MenuItem> menu, String year, Map<Tag, Integer> tagCounts,
                        ImageCatalog images) {}

    /** What a route's output is a function of: equal values render to equal files. */
    public sealed interface RouteInputs permits LayoutInputs, BuiltIn {}

    /** What a layout is executed with. */
    record LayoutInputs(String layout, Views.Context context) implements RouteInputs {}

    /** Feeds, sitemap, robots.txt, redirects (a page with {@code redirect_to:} too) and the search index are written from the route alone. */
    record BuiltIn(Route route) implements RouteInputs {}

    /** The value a route's output is a function of, under this theme and these settings. */
    public RouteInputs inputs(Route route) {
        if (movedAway(route) != null) {
            return new BuiltIn(route);
        } else if (route instanceof Route.Post post) {
            return document(post.doc(), summary(post.older()), summary(post.newer()), relatedViews(post.related()),
                    seriesView(post.doc(), post.series()));
        } else if (route instanceof Route.Page page) {
            return document(page.doc(), null, null, null, null);
        } else if (route instanceof Route.Home home) {
            return new LayoutInputs("home", Views.Context.home(siteView(home.url()),
                    listPage(home.heading(), home.url(), "home"),
                    new Views.PaginatorView(home.posts().stream().map(this::summary).toList(), home.number(), home.total(),
                            link(home.newerUrl()), link(home.olderUrl()))));
        } else if (route instanceof Route.Archive archive) {
            return new LayoutInputs("archive", Views.Context.archive(siteView(archive.url()),
                    listPage(archive.heading(), archive.url(), "archive"),
                    archive.years().stream().map(y -> new Views.YearView(y.year(), y.posts().stream().map(this::summary).toList()))
                            .toList()));
        } else if (route instanceof Route.TagIndex index) {
            return new LayoutInputs("tags", Views.Context.tagIndex(siteView(index.url()),
                    listPage(index.heading(), index.url(), "tags"),
                    tagViews(index.tags().stream().map(Site.TagPosts::tag).toList())));
        } else if (route instanceof Route.TagPage page) {
            return new LayoutInputs("tag", Views.Context.tagPage(siteView(page.url()), listPage(page.heading(), page.url(), "tag"),
                    tagPageView(page.url(), page.tag())));
        } else if (route instanceof Route.CategoryIndex index) {
            return new LayoutInputs("categories", Views.Context.categoryIndex(siteView(index.url()),
                    listPage(index.heading(), index.url(), "categories"),
                    index.categories().stream().map(c -> new Views.TagView(c.tag().name(), c.tag().slug(),
                            link(c.tag().url()), c.posts().size())).toList()));
        } else if (route instanceof Route.CategoryPage page) {
            return new LayoutInputs("category", Views.Context.categoryPage(siteView(page.url()),
                    listPage(page.heading(), page.url(), "category"),
                    tagPageView(page.url(), page.category())));
        } else if (route instanceof Route.SeriesPage page) {
            return new LayoutInputs("series", Views.Context.seriesPage(siteView(page.url()),
                    listPage(page.heading(), page.url(), "series"),
                    tagPageView(page.url(), page.series())));
        } else if (route instanceof Route.NotFound notFound) {
            return new LayoutInputs("404", Views.Context.of(siteView(notFound.url()),
                    listPage(notFound.heading(), notFound.url(), "404")));
        } else if (route instanceof Route.Search search) {
            return new LayoutInputs("search", Views.Context.of(siteView(search.url()),
                    listPage(search.heading(), search.url(), "search")));
        }
        return new BuiltIn(route);
    }

    /** The template a route is rendered with, for profiles: {@code post.mustache}, or the built-in writer. */
    public String templateOf(Route route, RouteInputs inputs) {
        if (inputs instanceof LayoutInputs layout) {
            return layout.layout() + ThemeRenderer.EXTENSION;
        }
        return "(built-in " + route.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * A rendered file: its bytes, and its text when it was made as text (every file but the search index,
     * which is joined from lines kept as bytes).
     */
    public record Page(byte[] bytes, String text) {
        static Page of(String text) {
            return text == null ? null : new Page(text.getBytes(StandardCharsets.UTF_8), text);
        }
    }

    /** The route's file, or null with the reason in {@code problems} (a template error, an unknown layout). */
    public Page render(Route route, RouteInputs inputs, List<Diagnostic> problems) {
        if (route instanceof Route.Feed feed) {
            return Page.of(feeds.feed(feed));
        } else if (route instanceof Route.JsonFeed json) {
            return Page.of(feeds.jsonFeed(json));
        } else if (route instanceof Route.Sitemap sitemap) {
            return Page.of(feeds.sitemap(sitemap));
        } else if (route instanceof Route.Robots robots) {
            return Page.of(BuiltInTemplates.robots(new BuiltInTemplates.Robots(absolute(robots.sitemapUrl()))));
        } else if (route instanceof Route.Redirect redirect) {
            Document target = redirect.target();
            // an old URL of a page that is itself a redirect sends readers straight on, not through two redirects
            return Page.of(redirect(target.title(), target.redirectTo() != null ? target.redirectTo() : target.url()));
        } else if (route instanceof Route.SearchIndex index) {
            return new Page(searchIndex.index(index), null);
        }
        Document moved = movedAway(route);
        if (moved != null) {
            return Page.of(redirect(moved.title(), moved.redirectTo()));
        }
        return inputs instanceof LayoutInputs layout ? Page.of(execute(route, layout, problems)) : null;
    }

    private String execute(Route route, LayoutInputs inputs, List<Diagnostic> problems) {
        String layout = inputs.layout();
        if (theme.isBroken(layout)) {
            return null; // its template error is already reported
        }
        Mustache mustache = theme.layout(layout);
        if (mustache == null) {
            if (route instanceof Route.Post || route instanceof Route.Page) {
                Document doc = route instanceof Route.Post p ? p.doc() : ((Route.Page) route).doc();
                problems.add(Diagnostic.error(doc.layoutPosition(), "unknown layout '" + layout + "'",
                        "layouts in this theme: " + String.join(", ", theme.layoutNames())));
            } else {
                problems.add(Diagnostic.error(route.origin(), "the theme has no '" + layout + ThemeRenderer.EXTENSION + "' layout",
                        "add templates/" + layout + ThemeRenderer.EXTENSION + " or remove templates/ to use the default theme"));
            }
            return null;
        }
        StringWriter out = new StringWriter(8192);
        try {
            mustache.execute(out, inputs.context()).flush();
        } catch (MustacheException e) {
            problems.add(theme.templateError(e, layout + ThemeRenderer.EXTENSION, "template: " + ThemeRenderer.cleanMessage(e),
                    "use only the variables listed in the README under 'Template variables'"));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private LayoutInputs document(Document doc, Views.PostSummary previous, Views.PostSummary next, Views.Related related,
                                  Views.SeriesView series) {
        String excerpt = doc.content().excerptHtml();
        String description = doc.description() != null ? doc.description()
                : PlainText.shorten(doc.content().excerptText(), DESCRIPTION_LENGTH);
        boolean embeds = doc.content().embeds();
        Views.CommentsView comments = thirdParty.comments(doc);
        boolean analytics = config.analytics() != null;
        boolean thirdPartyStyles = embeds || comments != null && comments.script();
        Views.PageView page = Views.PageView.named(doc.title(), link(doc.url()), absolute(doc.url()), doc.isPost() ? "post" : "page")
                .subtitle(doc.subtitle()).description(description).post(doc.isPost()).author(doc.author())
                .date(doc.date() == null ? null : displayDate.format(doc.date()), doc.date() == null ? null : ISO.format(doc.date()))
                .images(asset(doc.background()), shareImage(doc), masthead(doc.background())).tags(tagViews(doc.tags()))
                .body(imageMarkup.apply(doc.content().html(), true), doc.content().toc(), imageMarkup.apply(excerpt, false),
                        readingTime(doc))
                .neighbours(previous, next).state(doc.draft(), doc.scheduled()).params(doc.params()).math(doc.content().math())
                .embeds(embeds).comments(comments).thirdParty(thirdPartyStyles, thirdPartyStyles || analytics)
                .categories(categoryLinks(doc.categories())).related(related).series(series).build();
        return new LayoutInputs(doc.layout(), Views.Context.of(siteView(doc.url()), page));
    }

    /** The post or page of a route that sends its readers elsewhere ({@code redirect_to:}), else null. */
    private static Document movedAway(Route route) {
        Document doc = route instanceof Route.Post post ? post.doc() : route instanceof Route.Page page ? page.doc() : null;
        return doc != null && doc.redirectTo() != null ? doc : null;
    }

    /**
     * A small page at an old URL that sends readers and search engines to {@code to}, a site path or a full
     * address ({@code redirect_to:}), where {@code title} is.
     */
    private String redirect(String title, String to) {
        boolean inSite = to.startsWith("/");
        String here = inSite ? link(to) : to;
        return BuiltInTemplates.redirect(new BuiltInTemplates.Redirect(HtmlText.escape(config.language()),
                HtmlText.escape(title), HtmlText.escape(inSite ? absolute(to) : to), HtmlText.escape(here), script(here)));
    }

    /** Text for a double-quoted JavaScript string inside a script element. */
    private static String script(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }

    /** A page that lists posts or tags, or stands alone (404, search): no body, date or neighbours of its own. */
    private Views.PageView listPage(Route.Heading heading, String url, String kind) {
        return Views.PageView.named(heading.title(), link(url), absolute(url), kind).description(heading.description())
                .author(config.author())
                .thirdParty(false, config.analytics() != null).build();
    }

    private Views.TagPageView tagPageView(String url, Site.TagPosts term) {
        return new Views.TagPageView(term.tag().name(), term.tag().slug(), link(url), term.posts().size(),
                term.posts().stream().map(this::summary).toList());
    }

    /** Null when there are none, so {@code {{#page.related}}} shows no empty heading. */
    private Views.Related relatedViews(List<Document> related) {
        if (related.isEmpty()) {
            return null;
        }
        return new Views.Related(related.stream().map(p -> new Views.RelatedPost(p.title(), link(p.url()),
                displayDate.format(p.date()), ISO.format(p.date()))).toList());
    }

    private Views.SeriesView seriesView(Document post, Site.TagPosts series) {
        if (series == null) {
            return null;
        }
        List<Views.SeriesPart> parts = new java.util.ArrayList<>();
        int part = 0;
        for (int i = 0; i < series.posts().size(); i++) {
            Document p = series.posts().get(i);
            boolean current = p.source().equals(post.source());
            part = current ? i + 1 : part;
            parts.add(new Views.SeriesPart(i + 1, p.title(), link(p.url()), current));
        }
        return new Views.SeriesView(series.tag().name(), link(series.tag().url()), part,
                parts.size(), List.copyOf(parts));
    }

    /** Null without categories, so {@code {{#page.categories}}} shows nothing, not an empty line. */
    private List<Views.CategoryLink> categoryLinks(List<Tag> categories) {
        if (categories.isEmpty()) {
            return null;
        }
        List<Views.CategoryLink> links = new java.util.ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            Tag c = categories.get(i);
            links.add(new Views.CategoryLink(c.name(), link(c.url()), i == 0,
                    i == categories.size() - 1));
        }
        return List.copyOf(links);
    }

    private static DateTimeFormatter displayDate(SiteConfig config) {
        return DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.forLanguageTag(config.language()));
    }

    /**
     * The social card a post shares as when it has no image of its own ({@code background}): its title, the
     * site's title and the date as posts show it; null for pages, for a post that is a redirect ({@code redirect_to:},
     * shared as the page it sends to), and for a title the bundled fonts cannot draw.
     */
    public static SocialCard socialCard(Document doc, SiteConfig config) {
        if (!doc.isPost() || doc.background() != null || doc.date() == null || doc.redirectTo() != null) {
            return null;
        }
        SocialCard card = new SocialCard(doc.title(), config.title(), displayDate(config).format(doc.date()));
        return card.drawable() ? card : null;
    }

    /** The absolute URL of the image a page shares as: its background, else its social card, else null. */
    private String shareImage(Document doc) {
        if (doc.background() != null) {
            return UrlText.encode(absoluteAsset(doc.background())); // "my photo.jpg" written as it is named
        }
        SocialCard card = socialCard(doc, config);
        return card == null ? null : absolute(SiteUrls.socialCard(card.key()));
    }

    /** A post's summary, and the post it was made from (the key it is reused under). */
    private record Summary(Document post, Views.PostSummary view) {}

    private Views.PostSummary summary(Document post) {
        return post == null ? null : summaries.get(post.source()).view();
    }

    private Views.PostSummary newSummary(Document p) {
        return new Views.PostSummary(p.title(), p.subtitle(), link(p.url()), displayDate.format(p.date()), ISO.format(p.date()),
                p.author(), imageMarkup.apply(toPost(p.content().excerptHtml(), link(p.url())), false), readingTime(p), tagViews(p.tags()),
                p.draft(), p.scheduled());
    }

    /**
     * An excerpt's links to the post's own sections ({@code href="#details"}, footnotes) lead to the post: on the
     * home page or a tag page they would look for the section there.
     */
    static String toPost(String excerpt, String postLink) {
        if (excerpt == null || !excerpt.contains("=\"#")) {
            return excerpt;
        }
        return excerpt.replace("href=\"#", "href=\"" + HtmlText.escape(postLink) + "#");
    }

    private List<Views.TagView> tagViews(List<Tag> tags) {
        return tags.stream().map(t -> new Views.TagView(t.name(), t.slug(), link(t.url()),
                tagCounts.getOrDefault(t, 0))).toList();
    }

    private Views.SiteView siteView(String currentUrl) {
        List<Views.MenuView> menu = site.menu().stream()
                .map(m -> new Views.MenuView(m.title(), link(m.url()), m.url().equals(currentUrl)))
                .toList();
        return new Views.SiteView(config.title(), config.description(), config.author(), config.url(), config.baseurl(),
                link(SiteUrls.HOME), link(SiteUrls.ASSETS), config.language(), link(SiteUrls.FEED), link(SiteUrls.JSON_FEED), menu,
                site.year(),
                thirdParty.analytics());
    }

    private String link(String url) {
        return url == null ? null : config.baseurl() + url;
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

    /** The masthead as a responsive image: the browser picks the copy that fits the screen's width. */
    private Views.MastheadView masthead(String background) {
        ImageCatalog.Image image = background == null ? null : images.find(UrlText.sitePath(background, ""));
        if (image == null) {
            return null;
        }
        String srcset = image.variants().isEmpty() ? null : ImageMarkup.srcset(image, config.baseurl());
        String webp = image.webp().isEmpty() ? null : ImageMarkup.source(image, config.baseurl(), "100vw");
        return new Views.MastheadView(UrlText.encode(asset(background)), srcset, srcset == null && webp == null ? null : "100vw",
                image.width(), image.height(), webp);
    }

    private String absoluteAsset(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith("/") ? absolute(path) : path;
    }

    private static int readingTime(Document doc) {
        return Math.max(1, (doc.content().wordCount() + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
