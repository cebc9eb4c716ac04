package dev.kiln.model;

import dev.kiln.diag.SourcePosition;
import dev.kiln.work.FrozenMap;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stage 3: from every source's result, the site and its route table. The only place where order, tags and
 * relations (previous/next, pages of the home, tag pages, feeds, redirects) are decided, and where every
 * route gets its URL, by the rules of {@link SiteUrls}; cheap enough to run in full after every change.
 */
public final class RoutePlanner {
    private static final SourcePosition SITE_CONFIG = SourcePosition.startOf(SiteConfigReader.FILE);

    private final SiteConfig config;
    private final Function<String, Path> layoutFile;

    /** @param layoutFile where a layout's template is, for messages: {@code templates/home.mustache} or the bundled theme's */
    public RoutePlanner(SiteConfig config, Function<String, Path> layoutFile) {
        this.config = config;
        this.layoutFile = layoutFile;
    }

    /**
     * What the last plan decided. The next plan keeps a document equal to its new version, so unchanged routes
     * stay the same values and compare in no time; and while no post's path, date or tags changed (an edit of a
     * body or a title), it keeps the tags and the order of the posts, and the documents of unchanged sources,
     * without working them out again (10,000 posts). {@code last} is null before the first plan.
     */
    public record Memory(Decided last) {
        public static final Memory EMPTY = new Memory(null);
    }

    /**
     * One plan's decisions; {@code postOrder} lists the documents' indices, newest post first; {@code related}, for
     * each post in that order, the indices of its related posts (at most {@code relatedLimit}); {@code now}, the time it was made for.
     */
    public record Decided(List<Draft> drafts, Map<String, String> keys, Map<String, Tag> tags, Map<String, Tag> categories,
                          Map<String, Tag> series, List<Document> documents,
                          List<Integer> postOrder, List<List<Integer>> related, int relatedLimit, Instant now, Site site) {
        public Decided {
            drafts = List.copyOf(drafts);
            keys = FrozenMap.copyOf(keys);
            tags = FrozenMap.copyOf(tags);
            categories = FrozenMap.copyOf(categories);
            series = FrozenMap.copyOf(series);
            documents = List.copyOf(documents);
            postOrder = List.copyOf(postOrder);
            related = List.copyOf(related);
        }
    }

    /** The route table, and what the next plan may keep. */
    public record Plan(RouteTable table, Memory memory) {}

    /** @param memory the last plan's ({@link Memory#EMPTY} for a single build) */
    public Plan plan(List<SourceResult> sources, Visibility visibility, boolean withRobots, Memory memory) {
        List<Draft> drafts = new ArrayList<>();
        for (SourceResult source : sources) {
            if (source.usable() && (!source.isPost() || visible(source.frontMatter(), visibility))) {
                drafts.add(new Draft(source, source.frontMatter()));
            }
        }
        Decided last = memory.last();
        boolean sameOrder = last != null && sameDatesAndTags(last.drafts(), drafts);
        // tag name as written → its key; normalizing is not cheap
        Map<String, String> keys = sameOrder ? last.keys() : new HashMap<>();
        Map<String, Tag> tags = sameOrder ? last.tags()
                : terms(drafts, FrontMatter::tagNames, name -> keys.computeIfAbsent(name, RoutePlanner::tagKey), SiteUrls::tag);
        Map<String, Tag> categories = sameOrder ? last.categories()
                : terms(drafts, FrontMatter::categoryNames, name -> keys.computeIfAbsent(name, RoutePlanner::tagKey), SiteUrls::category);
        Map<String, Tag> series = sameOrder ? last.series()
                : terms(drafts, RoutePlanner::seriesNames, name -> keys.computeIfAbsent(name, RoutePlanner::tagKey), SiteUrls::series);
        Map<Path, Document> previous = new HashMap<>();
        if (last != null && !sameOrder) {
            last.documents().forEach(d -> previous.put(d.source(), d));
        }
        List<Document> documents = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            Document known = sameOrder ? last.documents().get(i) : previous.get(draft.source().path());
            if (sameOrder && same(draft.source(), last.drafts().get(i).source())
                    && known.scheduled() == stillScheduled(known, draft.front(), last.now(), visibility.now())) {
                documents.add(known);
            } else {
                Document doc = document(draft, name -> tags.get(keys.get(name)), name -> categories.get(keys.get(name)),
                        name -> series.get(keys.get(name)), visibility.now());
                documents.add(doc.equals(known) ? known : doc);
            }
        }
        List<Integer> postOrder = sameOrder ? last.postOrder() : postOrder(documents);
        List<Document> posts = new ArrayList<>(postOrder.size());
        for (int i : postOrder) {
            posts.add(documents.get(i));
        }
        List<Document> pages = new ArrayList<>();
        for (Document doc : documents) {
            if (!doc.isPost()) {
                pages.add(doc);
            }
        }
        pages.sort(Comparator.comparing(Document::url));
        Site site = sameOrder ? regrouped(last, documents, posts, pages) : site(posts, pages);
        // Related posts follow only the posts' order, tags and categories: kept while those are (an edit of a body)
        List<List<Integer>> related = sameOrder && last.relatedLimit() == config.relatedPosts() ? last.related()
                : new RelatedPosts(site).all(config.relatedPosts());
        Memory next = new Memory(new Decided(drafts, keys, tags, categories, series, documents, postOrder, related,
                config.relatedPosts(), visibility.now(), site));
        return new Plan(new RouteTable(site, routes(site, related, withRobots)), next);
    }

    /** Each tag (or category) with its posts, newest first; by name ignoring case, then slug. */
    private static List<Site.TagPosts> grouped(List<Document> posts, Function<Document, List<Tag>> termsOf) {
        Map<Tag, List<Document>> byTerm = new HashMap<>();
        for (Document post : posts) {
            for (Tag term : termsOf.apply(post)) {
                byTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(post);
            }
        }
        return byTerm.entrySet().stream()
                .map(e -> new Site.TagPosts(e.getKey(), List.copyOf(e.getValue())))
                .sorted(Comparator.comparing((Site.TagPosts t) -> t.tag().name().toLowerCase(Locale.ROOT))
                        .thenComparing(t -> t.tag().slug()))
                .toList();
    }

    /**
     * The site of a plan whose posts keep their order, dates, tags, categories and series ({@code last}'s): each
     * group is the last one, or, when it holds a document made anew (an edited body), that group with the new one
     * in its place; the same groups as {@link #site} makes, without grouping and sorting 10,000 posts again.
     */
    private Site regrouped(Decided last, List<Document> documents, List<Document> posts, List<Document> pages) {
        Map<Document, Document> replaced = new java.util.IdentityHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != last.documents().get(i)) {
                replaced.put(last.documents().get(i), documents.get(i));
            }
        }
        Site before = last.site();
        if (replaced.isEmpty() && before.config().equals(config)) {
            return before; // the very same documents, in the same order
        }
        // an edited post is in the groups of its tags, categories and series only (they are the same as before)
        Set<Tag> touched = new HashSet<>();
        for (Document old : replaced.keySet()) {
            touched.addAll(old.tags());
            touched.addAll(old.categories());
            if (old.series() != null) {
                touched.add(old.series());
            }
        }
        return new Site(config, List.copyOf(posts), List.copyOf(pages), regrouped(before.tags(), touched, replaced),
                regrouped(before.categories(), touched, replaced), regrouped(before.series(), touched, replaced), menu(pages),
                before.year());
    }

    private static List<Site.TagPosts> regrouped(List<Site.TagPosts> groups, Set<Tag> touched, Map<Document, Document> replaced) {
        if (touched.isEmpty()) {
            return groups;
        }
        List<Site.TagPosts> now = new ArrayList<>(groups.size());
        for (Site.TagPosts group : groups) {
            now.add(!touched.contains(group.tag()) ? group
                    : new Site.TagPosts(group.tag(), group.posts().stream().map(d -> replaced.getOrDefault(d, d)).toList()));
        }
        return List.copyOf(now);
    }

    private Site site(List<Document> posts, List<Document> pages) {
        List<Site.TagPosts> tagPosts = grouped(posts, Document::tags);
        String year = posts.isEmpty() ? "" : String.valueOf(posts.get(0).date().getYear());
        List<Site.TagPosts> seriesPosts = grouped(posts, d -> d.series() == null ? List.of() : List.of(d.series())).stream()
                .map(s -> {
                    List<Document> oldestFirst = new ArrayList<>(s.posts());
                    java.util.Collections.reverse(oldestFirst);
                    return new Site.TagPosts(s.tag(), List.copyOf(oldestFirst));
                }).toList();
        return new Site(config, List.copyOf(posts), List.copyOf(pages), tagPosts, grouped(posts, Document::categories),
                seriesPosts, menu(pages), year);
    }

    private List<Route> routes(Site site, List<List<Integer>> related, boolean withRobots) {
        DocumentPass pass = documentRoutes(site, related);
        List<Route> routes = pass.routes();
        List<Document> posts = site.posts();
        int size = config.paginate();
        int total = homePages(site);
        for (int n = 1; n <= total; n++) {
            routes.add(new Route.Home(SiteUrls.home(n), theme("home"),
                    new Route.Heading(n == 1 ? config.title() : config.title() + " - page " + n, config.description()), n, total,
                    List.copyOf(posts.subList((n - 1) * size, Math.min(posts.size(), n * size))),
                    n > 1 ? SiteUrls.home(n - 1) : null, n < total ? SiteUrls.home(n + 1) : null));
        }
        routes.add(new Route.Archive(SiteUrls.ARCHIVE, theme("archive"), new Route.Heading("Posts", "All posts, newest first"),
                years(posts)));
        termRoutes(site, routes);
        routes.add(new Route.NotFound(SiteUrls.NOT_FOUND, theme("404"),
                new Route.Heading("Page not found", "The page you are looking for does not exist.")));
        if (config.search()) {
            routes.add(new Route.Search(SiteUrls.SEARCH, theme("search"), new Route.Heading("Search", "Search the posts of " + config.title())));
            routes.add(new Route.SearchIndex(SiteUrls.SEARCH_INDEX, SITE_CONFIG, List.copyOf(pass.inSitemap())));
        }
        routes.addAll(pass.redirects());
        routes.addAll(feedRoutes(site));
        routes.add(new Route.Sitemap(SiteUrls.SITEMAP, SITE_CONFIG, sitemap(site, pass.sitemapEntries())));
        if (withRobots) {
            routes.add(new Route.Robots(SiteUrls.ROBOTS, SITE_CONFIG, SiteUrls.SITEMAP));
        }
        return routes;
    }

    /** The posts by year, in the order each year first comes (posts are newest first); a year's name made once, not per post. */
    private static List<Route.Year> years(List<Document> posts) {
        Map<Integer, List<Document>> byYear = new LinkedHashMap<>();
        int year = 0;
        List<Document> ofYear = null;
        for (Document p : posts) {
            int now = p.date().getYear();
            if (ofYear == null || now != year) { // most often the year of the post before: no look-up
                year = now;
                ofYear = byYear.computeIfAbsent(now, y -> new ArrayList<>());
            }
            ofYear.add(p);
        }
        return byYear.entrySet().stream().map(e -> new Route.Year(String.valueOf(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    /** The tag index and each tag's page, the category index and each category's (when there are any), each series' page. */
    private void termRoutes(Site site, List<Route> routes) {
        routes.add(new Route.TagIndex(SiteUrls.TAGS, theme("tags"), new Route.Heading("Tags", "Every tag and how many posts carry it"),
                site.tags()));
        for (Site.TagPosts tag : site.tags()) {
            String name = tag.tag().name();
            routes.add(new Route.TagPage(tag.tag().url(), theme("tag"), new Route.Heading("Posts tagged “" + name + "”", "Posts tagged " + name),
                    tag));
        }
        if (!site.categories().isEmpty()) {
            routes.add(new Route.CategoryIndex(SiteUrls.CATEGORIES, theme("categories"),
                    new Route.Heading("Categories", "Every category and how many posts are in it"), site.categories()));
            for (Site.TagPosts category : site.categories()) {
                String name = category.tag().name();
                routes.add(new Route.CategoryPage(category.tag().url(), theme("category"),
                        new Route.Heading("Posts in “" + name + "”", "Posts in the category " + name), category));
            }
        }
        for (Site.TagPosts one : site.series()) {
            routes.add(new Route.SeriesPage(one.tag().url(), theme("series"),
                    new Route.Heading(one.tag().name(), "A series of " + one.posts().size() + " posts, to read in order"), one));
        }
    }

    /** The site's feeds (Atom and JSON), then one per tag and one per category. */
    private List<Route> feedRoutes(Site site) {
        List<Route> routes = new ArrayList<>();
        List<Document> posts = site.posts();
        routes.add(new Route.Feed(SiteUrls.FEED, SITE_CONFIG, config.title(), SiteUrls.HOME, newest(posts)));
        routes.add(new Route.JsonFeed(SiteUrls.JSON_FEED, SITE_CONFIG, config.title(), SiteUrls.HOME, newest(posts)));
        // the feed itself at its old addresses, not a redirect page: feed readers follow no HTML redirect
        config.feedAliases().forEach(path -> routes.add(new Route.Feed(path, SITE_CONFIG, config.title(), SiteUrls.HOME, newest(posts))));
        for (Site.TagPosts tag : site.tags()) {
            String url = tag.tag().url();
            routes.add(new Route.Feed(SiteUrls.feedOf(url), SITE_CONFIG, config.title() + " – " + tag.tag().name(), url,
                    newest(tag.posts())));
        }
        for (Site.TagPosts category : site.categories()) {
            String url = category.tag().url();
            routes.add(new Route.Feed(SiteUrls.feedOf(url), SITE_CONFIG, config.title() + " – " + category.tag().name(), url,
                    newest(category.posts())));
        }
        return routes;
    }

    /**
     * Each post's route and each page's, and what else the routes need of every document, found in the same loop: the
     * documents in the sitemap (and the search index), their sitemap entries and the redirects from their aliases.
     * One loop, not four: a preview edit plans every route again, and most of a pass over 10,000 documents is
     * waiting for each one's front matter to come from memory.
     */
    private record DocumentPass(List<Route> routes, List<Document> inSitemap, List<Route.SitemapEntry> sitemapEntries,
                                List<Route> redirects) {}

    /** Each post with its older and newer neighbour, its related posts and its series, then each page. */
    private DocumentPass documentRoutes(Site site, List<List<Integer>> related) {
        List<Document> posts = site.posts();
        // sized for every route of the site, which routes() adds after these: no growing on every preview edit
        List<Route> routes = new ArrayList<>(posts.size() + site.pages().size() + 2 * site.tags().size()
                + 2 * site.categories().size() + site.series().size() + homePages(site) + 16);
        DocumentPass pass = new DocumentPass(routes, new ArrayList<>(posts.size() + site.pages().size()),
                new ArrayList<>(posts.size() + site.pages().size()), new ArrayList<>());
        Map<Tag, Site.TagPosts> seriesOf = new HashMap<>();
        site.series().forEach(s -> seriesOf.put(s.tag(), s));
        for (int i = 0; i < posts.size(); i++) {
            Document post = posts.get(i);
            routes.add(new Route.Post(post.url(), origin(post), post, i + 1 < posts.size() ? posts.get(i + 1) : null,
                    i > 0 ? posts.get(i - 1) : null, relatedPosts(related.get(i), posts),
                    post.series() == null ? null : seriesOf.get(post.series())));
            passOver(post, pass);
        }
        for (Document page : site.pages()) {
            routes.add(new Route.Page(page.url(), origin(page), page));
            passOver(page, pass);
        }
        return pass;
    }

    private static void passOver(Document doc, DocumentPass pass) {
        if (doc.inSitemap()) {
            pass.inSitemap().add(doc);
            pass.sitemapEntries().add(new Route.SitemapEntry(doc.url(), doc.isPost() || doc.date() != null ? updated(doc) : null));
        }
        for (String alias : doc.aliases()) {
            pass.redirects().add(new Route.Redirect(alias, origin(doc), doc));
        }
    }

    private static List<Document> relatedPosts(List<Integer> places, List<Document> posts) {
        Document[] related = new Document[places.size()];
        for (int i = 0; i < related.length; i++) {
            related[i] = posts.get(places.get(i));
        }
        return List.of(related);
    }

    /**
     * A feed's entries: the newest posts, without those that send readers elsewhere ({@code redirect_to:}), whose
     * body is not at their link (jekyll-feed listed them with the redirect page as their content).
     */
    private List<Document> newest(List<Document> posts) {
        return posts.stream().filter(p -> p.redirectTo() == null).limit(config.feedSize()).toList();
    }

    /** {@code documents}: the entries of the posts, then of the pages. */
    private List<Route.SitemapEntry> sitemap(Site site, List<Route.SitemapEntry> documents) {
        List<Route.SitemapEntry> entries = new ArrayList<>(site.posts().size() + site.pages().size() + site.tags().size()
                + site.categories().size() + site.series().size() + homePages(site) + 3);
        OffsetDateTime newest = site.posts().isEmpty() ? null : updated(site.posts().get(0));
        for (int n = 1; n <= homePages(site); n++) {
            entries.add(new Route.SitemapEntry(SiteUrls.home(n), newest));
        }
        entries.addAll(documents);
        entries.add(new Route.SitemapEntry(SiteUrls.ARCHIVE, newest));
        entries.add(new Route.SitemapEntry(SiteUrls.TAGS, newest));
        for (Site.TagPosts tag : site.tags()) {
            entries.add(new Route.SitemapEntry(tag.tag().url(), updated(tag.posts().get(0))));
        }
        if (!site.categories().isEmpty()) {
            entries.add(new Route.SitemapEntry(SiteUrls.CATEGORIES, newest));
        }
        for (Site.TagPosts category : site.categories()) {
            entries.add(new Route.SitemapEntry(category.tag().url(), updated(category.posts().get(0))));
        }
        for (Site.TagPosts one : site.series()) {
            entries.add(new Route.SitemapEntry(one.tag().url(), one.posts().stream().map(RoutePlanner::updated)
                    .max(Comparator.comparing(OffsetDateTime::toInstant)).orElse(null)));
        }
        return entries;
    }

    /** A post's last change: {@code last_modified_at} or {@code updated} from front matter when given, else its date. */
    public static OffsetDateTime updated(Document post) {
        return post.updated() != null ? post.updated() : post.date();
    }

    /**
     * The pages of the home's list of posts; none when a page of the site's own is at {@code /} ({@code permalink: /}),
     * as an {@code index.md} is the home page in Jekyll: a manual or a landing page, the posts still at /posts/.
     */
    private int homePages(Site site) {
        if (site.pages().stream().anyMatch(page -> page.url().equals(SiteUrls.HOME))) {
            return 0;
        }
        return Math.max(1, (site.posts().size() + config.paginate() - 1) / config.paginate());
    }

    private static List<String> seriesNames(FrontMatter front) {
        return front.seriesName() == null ? List.of() : List.of(front.seriesName());
    }

    /** Home, Posts and Tags, then About when there is an about page, then Search unless it is off; unless site.yml sets a menu. */
    private List<SiteConfig.MenuItem> menu(List<Document> pages) {
        if (config.menu() != null) {
            return config.menu();
        }
        List<SiteConfig.MenuItem> items = new ArrayList<>(List.of(new SiteConfig.MenuItem("Home", SiteUrls.HOME),
                new SiteConfig.MenuItem("Posts", SiteUrls.ARCHIVE), new SiteConfig.MenuItem("Tags", SiteUrls.TAGS)));
        pages.stream().filter(p -> p.url().equals("/about/")).findFirst()
                .ifPresent(about -> items.add(new SiteConfig.MenuItem(about.title(), about.url())));
        if (config.search()) {
            items.add(new SiteConfig.MenuItem("Search", SiteUrls.SEARCH));
        }
        return List.copyOf(items);
    }

    private SourcePosition theme(String layout) {
        return SourcePosition.startOf(layoutFile.apply(layout));
    }

    private static SourcePosition origin(Document doc) {
        return SourcePosition.startOf(doc.source());
    }

    private static boolean visible(FrontMatter front, Visibility visibility) {
        return (visibility.drafts() || !front.draft()) && (visibility.future() || !scheduled(front, visibility.now()));
    }

    /** Whether a document is dated after {@code now}; one that was not at an earlier time is not: time only moves on. */
    private static boolean stillScheduled(Document known, FrontMatter front, Instant then, Instant now) {
        return known.scheduled() || now.isBefore(then) ? scheduled(front, now) : false;
    }

    /** The same result: most often the very same object, kept by the compile stage's memory. */
    private static boolean same(SourceResult a, SourceResult b) {
        return a == b || a.equals(b);
    }

    private static boolean scheduled(FrontMatter front, Instant now) {
        if (front.date() == null) {
            return false;
        }
        long second = front.date().toEpochSecond(); // no Instant per document: a preview asks for 10,000 on every save
        return second > now.getEpochSecond() || second == now.getEpochSecond() && front.date().getNano() > now.getNano();
    }

    private record Draft(SourceResult source, FrontMatter front) {}

    /** Whether both lists hold the same sources, in the same order, with the same dates and tags. */
    private static boolean sameDatesAndTags(List<Draft> before, List<Draft> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            SourceResult a = before.get(i).source();
            SourceResult b = now.get(i).source();
            if (a != b && !(a.path().equals(b.path()) && a.isPost() == b.isPost()
                    && Objects.equals(a.frontMatter().date(), b.frontMatter().date())
                    && a.frontMatter().tagNames().equals(b.frontMatter().tagNames())
                    && a.frontMatter().categoryNames().equals(b.frontMatter().categoryNames())
                    && Objects.equals(a.frontMatter().seriesName(), b.frontMatter().seriesName()))) {
                return false;
            }
        }
        return true;
    }

    /** The indices of the posts among {@code documents}, newest first. */
    private static List<Integer> postOrder(List<Document> documents) {
        List<Integer> posts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).isPost()) {
                posts.add(i);
            }
        }
        return byDate(posts, i -> documents.get(i).date(), i -> documents.get(i).source(), true);
    }

    /**
     * By date, newest or oldest first, ties by path: with the sort keys worked out once per item, not
     * once per comparison (a preview plans 10,000 posts on every save).
     */
    private static <T> List<T> byDate(List<T> items, Function<T, OffsetDateTime> date, Function<T, Path> path, boolean newestFirst) {
        int sign = newestFirst ? -1 : 1;
        record Keyed<T>(long second, int nano, String path, T item) {}
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            OffsetDateTime when = date.apply(item);
            keyed.add(new Keyed<>(sign * when.toEpochSecond(), sign * when.getNano(), path.apply(item).toString().replace('\\', '/'),
                    item));
        }
        keyed.sort(Comparator.comparingLong((Keyed<T> k) -> k.second()).thenComparingInt(Keyed::nano)
                .thenComparing(Keyed::path));
        List<T> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.item()));
        return sorted;
    }

    private static Document document(Draft draft, Function<String, Tag> tagOf, Function<String, Tag> categoryOf,
                                     Function<String, Tag> seriesOf, Instant now) {
        FrontMatter f = draft.front();
        List<Tag> docTags = terms(f.tagNames(), tagOf);
        List<Tag> docCategories = terms(f.categoryNames(), categoryOf);
        return new Document(draft.source().path(), draft.source().isPost(), f, docTags, docCategories,
                f.seriesName() == null ? null : seriesOf.apply(f.seriesName()), scheduled(f, now), draft.source().content());
    }

    private static List<Tag> terms(List<String> names, Function<String, Tag> termOf) {
        List<Tag> terms = new ArrayList<>(names.size());
        for (String name : names) {
            Tag term = termOf.apply(name);
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
    }

    static String tagKey(String name) {
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * One {@link Tag} per tag (or category) name, ignoring case. The shown name is the spelling used most (on a tie,
     * the one used first, in date order); slugs that would collide get -2, -3… in the order of their names, so
     * no tag page ever overwrites another and the result does not depend on file order.
     */
    private static Map<String, Tag> terms(List<Draft> docs, Function<FrontMatter, List<String>> namesOf, Function<String, String> tagKey,
                                          Function<String, String> urlOf) {
        Map<String, Map<String, Integer>> spellings = new TreeMap<>();
        List<Draft> oldestFirst = byDate(docs.stream().filter(d -> d.source().isPost()).toList(),
                d -> d.front().date(), d -> d.source().path(), false);
        for (Draft doc : oldestFirst) {
            for (String name : namesOf.apply(doc.front())) {
                spellings.computeIfAbsent(tagKey.apply(name), k -> new LinkedHashMap<>()).merge(name.strip(), 1, Integer::sum);
            }
        }
        Map<String, Tag> tags = new HashMap<>();
        Set<String> usedSlugs = new java.util.HashSet<>();
        for (var entry : spellings.entrySet()) {
            String name = null;
            int uses = 0;
            for (var spelling : entry.getValue().entrySet()) {
                if (spelling.getValue() > uses) {
                    name = spelling.getKey();
                    uses = spelling.getValue();
                }
            }
            String base = Slugs.slugOrCodePoints(name);
            String slug = base;
            for (int n = 2; !usedSlugs.add(slug); n++) {
                slug = base + "-" + n;
            }
            tags.put(entry.getKey(), new Tag(name, slug, urlOf.apply(slug)));
        }
        return tags;
    }
}
