package dev.kiln.template;

import dev.kiln.diag.SourcePosition;
import dev.kiln.model.Document;
import dev.kiln.model.Site;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.Tag;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Atom feeds (the site's and one per tag), the sitemap and robots.txt. Every date comes from the
 * content, never from the clock, so two builds of the same input are byte-identical.
 */
public final class FeedRenderer {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final SourcePosition ORIGIN = SourcePosition.startOf(Path.of("content/site.yml"));

    private final Site site;
    private final SiteConfig config;
    private final int feedSize;

    public FeedRenderer(Site site, int feedSize) {
        this.site = site;
        this.config = site.config();
        this.feedSize = feedSize;
    }

    /** /feed.xml, /tags/SLUG/feed.xml, /sitemap.xml, and /robots.txt unless the site has its own. */
    public List<RenderedPage> render(boolean withRobots) {
        List<RenderedPage> files = new ArrayList<>();
        files.add(new RenderedPage("feed.xml", feed(config.title(), "/feed.xml", "/", site.posts()), ORIGIN));
        for (Site.TagPosts tag : site.tags()) {
            String url = SiteRenderer.tagUrl(tag.tag());
            files.add(new RenderedPage(url.substring(1) + "feed.xml",
                    feed(config.title() + " – " + tag.tag().name(), url + "feed.xml", url, tag.posts()), ORIGIN));
        }
        files.add(new RenderedPage("sitemap.xml", sitemap(), ORIGIN));
        if (withRobots) {
            files.add(new RenderedPage("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + absolute("/sitemap.xml") + "\n", ORIGIN));
        }
        return files;
    }

    private String feed(String title, String selfUrl, String pageUrl, List<Document> posts) {
        List<Document> entries = posts.subList(0, Math.min(feedSize, posts.size()));
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(XmlText.escape(config.language())).append("\">\n");
        element(xml, "  ", "title", title);
        if (!config.description().isEmpty()) {
            element(xml, "  ", "subtitle", config.description());
        }
        xml.append("  <link href=\"").append(XmlText.escape(XmlText.uri(absolute(selfUrl)))).append("\" rel=\"self\" type=\"application/atom+xml\"/>\n");
        xml.append("  <link href=\"").append(XmlText.escape(XmlText.uri(absolute(pageUrl)))).append("\" rel=\"alternate\" type=\"text/html\"/>\n");
        element(xml, "  ", "id", XmlText.uri(absolute(selfUrl)));
        element(xml, "  ", "updated", entries.stream().map(FeedRenderer::updated).max(Comparator.comparing(OffsetDateTime::toInstant))
                .map(ISO::format).orElse("1970-01-01T00:00:00Z"));
        if (!config.author().isEmpty()) {
            xml.append("  <author>\n");
            element(xml, "    ", "name", config.author());
            xml.append("  </author>\n");
        }
        xml.append("  <generator>Kiln</generator>\n");
        for (Document post : entries) {
            String url = XmlText.uri(absolute(post.url()));
            xml.append("  <entry>\n");
            xml.append("    <title type=\"html\">").append(XmlText.escape(SiteRenderer.escape(post.title()))).append("</title>\n");
            xml.append("    <link href=\"").append(XmlText.escape(url)).append("\" rel=\"alternate\" type=\"text/html\"/>\n");
            element(xml, "    ", "id", url);
            element(xml, "    ", "published", ISO.format(post.date()));
            element(xml, "    ", "updated", ISO.format(updated(post)));
            if (post.author() != null && !post.author().isEmpty()) {
                xml.append("    <author>\n");
                element(xml, "      ", "name", post.author());
                xml.append("    </author>\n");
            }
            for (Tag tag : post.tags()) {
                xml.append("    <category term=\"").append(XmlText.escape(tag.name())).append("\"/>\n");
            }
            String summary = post.description() != null ? SiteRenderer.escape(post.description()) : post.content().excerptHtml();
            xml.append("    <summary type=\"html\">").append(XmlText.escape(absolutize(summary))).append("</summary>\n");
            xml.append("    <content type=\"html\" xml:base=\"").append(XmlText.escape(url)).append("\">")
                    .append(XmlText.escape(absolutize(post.content().html()))).append("</content>\n");
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** A post's last change: {@code last_modified_at} or {@code updated} from front matter when given, else its date. */
    static OffsetDateTime updated(Document post) {
        return post.updated() != null ? post.updated() : post.date();
    }

    private String sitemap() {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        OffsetDateTime newest = site.posts().isEmpty() ? null : updated(site.posts().get(0));
        int pages = Math.max(1, (site.posts().size() + config.paginate() - 1) / config.paginate());
        for (int n = 1; n <= pages; n++) {
            url(xml, n == 1 ? "/" : "/page/" + n + "/", newest);
        }
        for (Document post : site.posts()) {
            if (post.inSitemap()) {
                url(xml, post.url(), updated(post));
            }
        }
        for (Document page : site.pages()) {
            if (page.inSitemap()) {
                url(xml, page.url(), page.date() == null ? null : updated(page));
            }
        }
        url(xml, "/posts/", newest);
        url(xml, "/tags/", newest);
        for (Site.TagPosts tag : site.tags()) {
            url(xml, SiteRenderer.tagUrl(tag.tag()), updated(tag.posts().get(0)));
        }
        return xml.append("</urlset>\n").toString();
    }

    private void url(StringBuilder xml, String url, OffsetDateTime lastmod) {
        xml.append("  <url>\n");
        element(xml, "    ", "loc", XmlText.uri(absolute(url)));
        if (lastmod != null) {
            element(xml, "    ", "lastmod", ISO.format(lastmod));
        }
        xml.append("  </url>\n");
    }

    private String absolutize(String html) {
        // Root-relative links made absolute for feed readers that ignore xml:base.
        Matcher m = SiteRenderer.ROOT_RELATIVE.matcher(html);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + config.url() + config.baseurl() + "/"));
    }

    private String absolute(String url) {
        return config.url() + config.baseurl() + url;
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(XmlText.escape(text)).append("</").append(name).append(">\n");
    }
}
