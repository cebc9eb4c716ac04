package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.FrontMatterParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The route table of a small site, planned from typed sources without reading or rendering anything: which files
 * a site has, at which URLs, and how posts relate (order, neighbours, home pages, tags, feeds, redirects).
 */
class RoutePlannerTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final List<SourceResult> sources = new ArrayList<>();

    private SiteConfig config(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = new SiteConfigReader().read(yaml, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return config;
    }

    private void source(SiteConfig config, String path, String frontMatter) {
        Path file = Path.of(path);
        boolean isPost = path.startsWith("content/posts/");
        Diagnostics diagnostics = new Diagnostics();
        FrontMatter front = new FrontMatterParser().parse(file, "---\n" + frontMatter + "---\n", diagnostics)
                .flatMap(doc -> new FrontMatterReader(SourceSettings.of(config)).read(file, isPost, doc.frontMatter(), diagnostics))
                .orElseThrow();
        assertEquals(List.of(), diagnostics.sorted());
        sources.add(new SourceResult(file, isPost, front,
                new Document.Content("<p>x</p>", "<p>x</p>", "x", "", "x", 1, List.of(), false, false, List.of(), java.util.Map.of()), List.of()));
    }

    private RouteTable plan(SiteConfig config, Visibility visibility) {
        return new RoutePlanner(config, layout -> Path.of("templates", layout + ".mustache"))
                .plan(sources, visibility, true, RoutePlanner.Memory.EMPTY).table();
    }

    private static List<String> urls(RouteTable table) {
        return table.routes().stream().map(Route::url).toList();
    }

    @Test
    void aSmallBlogHasItsPostsPagesListsFeedsAndSitemap() {
        SiteConfig config = config("title: Blog\nurl: https://example.com\npaginate: 2\n");
        source(config, "content/posts/2020-01-01-a.md", "title: A\ntags: [java]\n");
        source(config, "content/posts/2020-01-02-b.md", "title: B\ntags: [java, go]\naliases: [/old-b.html]\n");
        source(config, "content/posts/2020-01-03-c.md", "title: C\n");
        source(config, "content/about.md", "title: About\n");
        RouteTable table = plan(config, Visibility.published(NOW));
        assertEquals(List.of("/2020/01/03/c/", "/2020/01/02/b/", "/2020/01/01/a/", "/about/", "/", "/page/2/", "/posts/",
                "/tags/", "/tags/go/", "/tags/java/", "/404.html", "/search/", "/search/index.json", "/old-b.html",
                "/feed.xml", "/feed.json", "/tags/go/feed.xml", "/tags/java/feed.xml", "/sitemap.xml", "/robots.txt"),
                urls(table));
        assertEquals(List.of("C", "B", "A"), table.site().posts().stream().map(Document::title).toList(), "newest first");
    }

    @Test
    void eachPostKnowsItsOlderAndNewerNeighbour() {
        SiteConfig config = config("title: Blog\n");
        source(config, "content/posts/2020-01-01-a.md", "title: A\n");
        source(config, "content/posts/2020-01-02-b.md", "title: B\n");
        source(config, "content/posts/2020-01-03-c.md", "title: C\n");
        List<Route.Post> posts = plan(config, Visibility.published(NOW)).routes().stream()
                .filter(r -> r instanceof Route.Post).map(r -> (Route.Post) r).toList();
        Route.Post b = posts.get(1);
        assertEquals("B", b.doc().title());
        assertEquals("A", b.older().title());
        assertEquals("C", b.newer().title());
        assertNull(posts.get(0).newer(), "the newest has no newer post");
        assertNull(posts.get(2).older(), "the oldest has no older post");
    }

    @Test
    void homePagesHoldPaginatePostsEachAndLinkToEachOther() {
        SiteConfig config = config("title: Blog\npaginate: 2\n");
        for (int day = 1; day <= 5; day++) {
            source(config, "content/posts/2020-01-0" + day + "-p" + day + ".md", "title: P" + day + "\n");
        }
        List<Route.Home> homes = plan(config, Visibility.published(NOW)).routes().stream()
                .filter(r -> r instanceof Route.Home).map(r -> (Route.Home) r).toList();
        assertEquals(List.of("/", "/page/2/", "/page/3/"), homes.stream().map(Route::url).toList());
        assertEquals(List.of("P5", "P4"), homes.get(0).posts().stream().map(Document::title).toList());
        assertEquals(List.of("P1"), homes.get(2).posts().stream().map(Document::title).toList());
        assertNull(homes.get(0).newerUrl());
        assertEquals("/page/2/", homes.get(0).olderUrl());
        assertEquals("/page/2/", homes.get(2).newerUrl());
    }

    @Test
    void aPreviewPlanKnowsWhenAFuturePostFallsDueAndWhenTheClockGoesBack() {
        // the preview's plans reuse the last one's documents; whether a post is still in the future is asked again
        SiteConfig config = config("title: Blog\n");
        source(config, "content/posts/2030-06-01-soon.md", "title: Soon\n");
        source(config, "content/posts/2020-01-02-out.md", "title: Out\n");
        RoutePlanner planner = new RoutePlanner(config, layout -> Path.of("templates", layout + ".mustache"));
        java.time.Instant before = java.time.Instant.parse("2030-05-31T00:00:00Z");
        java.time.Instant after = java.time.Instant.parse("2030-06-02T00:00:00Z");
        RoutePlanner.Plan first = planner.plan(sources, new Visibility(true, true, before), true, RoutePlanner.Memory.EMPTY);
        RoutePlanner.Plan due = planner.plan(sources, new Visibility(true, true, after), true, first.memory());
        RoutePlanner.Plan back = planner.plan(sources, new Visibility(true, true, before), true, due.memory());
        java.util.function.Function<RoutePlanner.Plan, List<Boolean>> scheduled =
                plan -> plan.table().site().posts().stream().map(Document::scheduled).toList();
        assertEquals(List.of(true, false), scheduled.apply(first));
        assertEquals(List.of(false, false), scheduled.apply(due));
        assertEquals(List.of(true, false), scheduled.apply(back));
    }

    @Test
    void draftsAndFuturePostsArePlannedOnlyWhenAsked() {
        SiteConfig config = config("title: Blog\n");
        source(config, "content/posts/2020-01-01-draft.md", "title: Draft\ndraft: true\n");
        source(config, "content/posts/2031-01-01-future.md", "title: Future\n");
        source(config, "content/posts/2020-01-02-out.md", "title: Out\n");
        assertEquals(List.of("Out"), plan(config, Visibility.published(NOW)).site().posts().stream().map(Document::title).toList());
        assertEquals(List.of("Future", "Out", "Draft"), plan(config, new Visibility(true, true, NOW)).site().posts().stream()
                .map(Document::title).toList());
    }

    @Test
    void tagsThatDifferOnlyInCaseAreOneTagAndARedirectLeadsToItsPost() {
        SiteConfig config = config("title: Blog\n");
        source(config, "content/posts/2020-01-01-a.md", "title: A\ntags: [Java]\naliases: [/a.html]\n");
        source(config, "content/posts/2020-01-02-b.md", "title: B\ntags: [java]\n");
        RouteTable table = plan(config, Visibility.published(NOW));
        assertEquals(1, table.site().tags().size());
        assertEquals(2, table.site().tags().get(0).posts().size());
        Route.Redirect redirect = table.routes().stream().filter(r -> r instanceof Route.Redirect).map(r -> (Route.Redirect) r)
                .findFirst().orElseThrow();
        assertEquals("/a.html", redirect.url());
        assertSame(table.site().posts().get(1), redirect.target(), "the redirect leads to the post it was written in");
        assertTrue(urls(table).contains("/tags/java/"), urls(table).toString());
    }
}
