package dev.kiln.template;

import dev.kiln.model.Author;
import dev.kiln.model.Document;
import dev.kiln.model.Route;
import dev.kiln.model.RoutePlanner;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.Tag;
import dev.kiln.text.HtmlText;
import dev.kiln.text.JsonText;
import dev.kiln.text.UrlText;
import dev.kiln.text.XmlText;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atom feeds and the sitemap. Every date comes from the content, never from the clock, so two
 * builds of the same input are byte-identical.
 */
final class FeedWriter {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern ROOT_RELATIVE = Pattern.compile("(\\s(?:href|src)=\")/(?!/)");

    private final SiteConfig config;
    /** Entries made so far in this build, by post URL: routes render on every core. */
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    FeedWriter(SiteConfig config) {
        this.config = config;
    }

    String feed(Route.Feed feed) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(XmlText.escape(config.language())).append("\">\n");
        element(xml, "  ", "title", feed.title());
        if (!config.description().isEmpty()) {
            element(xml, "  ", "subtitle", config.description());
        }
        xml.append("  <link href=\"").append(XmlText.escape(UrlText.encode(absolute(feed.url())))).append("\" rel=\"self\" type=\"application/atom+xml\"/>\n");
        xml.append("  <link href=\"").append(XmlText.escape(UrlText.encode(absolute(feed.pageUrl())))).append("\" rel=\"alternate\" type=\"text/html\"/>\n");
        element(xml, "  ", "id", UrlText.encode(absolute(feed.url())));
        element(xml, "  ", "updated", feed.posts().stream().map(RoutePlanner::updated).max(Comparator.comparing(OffsetDateTime::toInstant))
                .map(ISO::format).orElse("1970-01-01T00:00:00Z"));
        if (!config.author().isEmpty()) {
            xml.append("  <author>\n");
            element(xml, "    ", "name", config.author());
            xml.append("  </author>\n");
        }
        xml.append("  <generator>Kiln</generator>\n");
        for (Document post : feed.posts()) {
            xml.append(entries.computeIfAbsent(post.url(), u -> entry(post)));
        }
        return xml.append("</feed>\n").toString();
    }

    /** A post's entry, the same in every feed that lists it (a new post is in the site's feed and each of its tags'). */
    private String entry(Document post) {
        StringBuilder xml = new StringBuilder(1024);
        String url = UrlText.encode(absolute(post.url()));
        xml.append("  <entry>\n");
        xml.append("    <title type=\"html\">").append(XmlText.escape(HtmlText.escape(post.title()))).append("</title>\n");
        xml.append("    <link href=\"").append(XmlText.escape(url)).append("\" rel=\"alternate\" type=\"text/html\"/>\n");
        element(xml, "    ", "id", url);
        element(xml, "    ", "published", ISO.format(post.date()));
        element(xml, "    ", "updated", ISO.format(RoutePlanner.updated(post)));
        for (Author author : post.authors()) { // Atom: one author element each, with their address and email where given
            xml.append("    <author>\n");
            element(xml, "      ", "name", author.name());
            if (author.email() != null) {
                element(xml, "      ", "email", author.email());
            }
            if (author.url() != null) {
                element(xml, "      ", "uri", author.url());
            }
            xml.append("    </author>\n");
        }
        for (Tag tag : post.tags()) {
            xml.append("    <category term=\"").append(XmlText.escape(tag.name())).append("\"/>\n");
        }
        for (Tag category : post.categories()) {
            if (post.tags().stream().noneMatch(t -> t.name().equalsIgnoreCase(category.name()))) {
                xml.append("    <category term=\"").append(XmlText.escape(category.name())).append("\"/>\n");
            }
        }
        String summary = post.description() != null ? HtmlText.escape(post.description()) : post.content().excerptHtml();
        xml.append("    <summary type=\"html\">").append(XmlText.escape(absolutize(summary))).append("</summary>\n");
        xml.append("    <content type=\"html\" xml:base=\"").append(XmlText.escape(url)).append("\">")
                .append(XmlText.escape(absolutize(post.content().html()))).append("</content>\n");
        xml.append("  </entry>\n");
        return xml.toString();
    }

    /**
     * JSON Feed 1.1: the Atom feed's entries with the same ids (the post URLs), HTML content made
     * absolute, and the same dates; keys in a fixed order so the bytes are the same every build.
     */
    String jsonFeed(Route.JsonFeed feed) {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n");
        field(json, "  ", "title", feed.title(), true);
        field(json, "  ", "home_page_url", UrlText.encode(absolute(feed.pageUrl())), true);
        field(json, "  ", "feed_url", UrlText.encode(absolute(feed.url())), true);
        if (!config.description().isEmpty()) {
            field(json, "  ", "description", config.description(), true);
        }
        field(json, "  ", "language", config.language(), true);
        if (!config.author().isEmpty()) {
            authors(json, "  ", List.of(new Author(config.author(), null, null)));
        }
        json.append("  \"items\": [");
        for (int i = 0; i < feed.posts().size(); i++) {
            Document post = feed.posts().get(i);
            String url = UrlText.encode(absolute(post.url()));
            json.append(i == 0 ? "\n" : ",\n").append("    {\n");
            field(json, "      ", "id", url, true);
            field(json, "      ", "url", url, true);
            field(json, "      ", "title", post.title(), true);
            field(json, "      ", "content_html", absolutize(post.content().html()), true);
            String summary = post.description() != null ? post.description() : post.content().excerptText();
            if (summary != null && !summary.isBlank()) {
                field(json, "      ", "summary", summary, true);
            }
            if (post.background() != null) {
                field(json, "      ", "image", UrlText.encode(post.background().startsWith("/") ? config.url() + config.baseurl()
                        + post.background() : post.background()), true);
            }
            field(json, "      ", "date_published", ISO.format(post.date()), true);
            if (!post.authors().isEmpty()) {
                authors(json, "      ", post.authors());
            }
            if (!post.tags().isEmpty()) {
                json.append("      \"tags\": [");
                for (int t = 0; t < post.tags().size(); t++) {
                    JsonText.appendQuoted(json.append(t == 0 ? "" : ", "), post.tags().get(t).name());
                }
                json.append("],\n");
            }
            field(json, "      ", "date_modified", ISO.format(RoutePlanner.updated(post)), false);
            json.append("    }");
        }
        json.append(feed.posts().isEmpty() ? "]\n" : "\n  ]\n");
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String indent, String name, String value, boolean more) {
        JsonText.appendQuoted(json.append(indent).append('"').append(name).append("\": "), value).append(more ? ",\n" : "\n");
    }

    /** JSON Feed 1.1's authors: each with its name and, where given, its url (the format has no email). */
    private static void authors(StringBuilder json, String indent, List<Author> authors) {
        json.append(indent).append("\"authors\": [");
        for (int i = 0; i < authors.size(); i++) {
            JsonText.appendQuoted(json.append(i == 0 ? "{\"name\": " : ", {\"name\": "), authors.get(i).name());
            if (authors.get(i).url() != null) {
                JsonText.appendQuoted(json.append(", \"url\": "), authors.get(i).url());
            }
            json.append('}');
        }
        json.append("],\n");
    }

    String sitemap(Route.Sitemap sitemap) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Route.SitemapEntry entry : sitemap.entries()) {
            xml.append("  <url>\n");
            element(xml, "    ", "loc", UrlText.encode(absolute(entry.url())));
            if (entry.lastmod() != null) {
                element(xml, "    ", "lastmod", ISO.format(entry.lastmod()));
            }
            xml.append("  </url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Root-relative links (the baseurl already in them) made absolute for feed readers that ignore xml:base. */
    private String absolutize(String html) {
        Matcher m = ROOT_RELATIVE.matcher(html);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + config.url() + "/"));
    }

    private String absolute(String url) {
        return config.url() + config.baseurl() + url;
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(XmlText.escape(text)).append("</").append(name).append(">\n");
    }
}
