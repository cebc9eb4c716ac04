package dev.kiln.template;

import dev.kiln.model.Document;
import dev.kiln.model.SiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the theme shows of the comments and analytics site.yml names: the {@code data-} attributes that
 * the theme's script turns into the provider's own script when the reader asks for it, and the link
 * that stands in for it without JavaScript. Nothing here loads anything.
 */
final class ThirdPartyViews {
    private final SiteConfig config;
    private final List<Views.AttributeView> analytics;

    ThirdPartyViews(SiteConfig config) {
        this.config = config;
        this.analytics = analytics(config.analytics());
    }

    /** The attributes of the theme's script tag for the analytics, empty when there are none. */
    List<Views.AttributeView> analytics() {
        return analytics;
    }

    /** The comments of a post, or null: none configured, a page, {@code comments: false}, or Mastodon without a thread. */
    Views.CommentsView comments(Document doc) {
        SiteConfig.Service service = config.comments();
        if (service == null || !doc.isPost() || Boolean.FALSE.equals(doc.params().get("comments"))) {
            return null;
        }
        Map<String, String> s = service.settings();
        List<Views.AttributeView> attributes = new ArrayList<>();
        switch (service.provider()) {
            case "giscus" -> {
                attributes.add(attribute("data-comments-src", "https://giscus.app/client.js"));
                attributes.add(attribute("data-repo", s.get("repo")));
                attributes.add(attribute("data-repo-id", s.get("repo_id")));
                attributes.add(attribute("data-category", s.get("category")));
                attributes.add(attribute("data-category-id", s.get("category_id")));
                attributes.add(attribute("data-mapping", s.get("mapping")));
                attributes.add(attribute("data-strict", s.get("strict").equals("true") ? "1" : "0"));
                attributes.add(attribute("data-reactions-enabled", s.get("reactions").equals("true") ? "1" : "0"));
                attributes.add(attribute("data-emit-metadata", "0"));
                attributes.add(attribute("data-input-position", s.get("input_position")));
                attributes.add(attribute("data-theme", s.get("theme")));
                attributes.add(attribute("data-lang", s.get("lang")));
                return new Views.CommentsView("giscus", attributes, "https://github.com/" + s.get("repo") + "/discussions",
                        "Read the comments on GitHub Discussions",
                        "Comments are GitHub Discussions, shown by giscus. They load from giscus.app and github.com when you"
                                + " scroll here or press the button.", true);
            }
            case "utterances" -> {
                attributes.add(attribute("data-comments-src", "https://utteranc.es/client.js"));
                attributes.add(attribute("data-repo", s.get("repo")));
                attributes.add(attribute("data-issue-term", s.get("issue_term")));
                if (!s.get("label").isEmpty()) {
                    attributes.add(attribute("data-label", s.get("label")));
                }
                attributes.add(attribute("data-theme", s.get("theme")));
                return new Views.CommentsView("utterances", attributes, "https://github.com/" + s.get("repo") + "/issues",
                        "Read the comments on GitHub Issues",
                        "Comments are GitHub issues, shown by utterances. They load from utteranc.es and github.com when you"
                                + " scroll here or press the button.", true);
            }
            default -> {
                Object thread = doc.params().get("mastodon");
                if (!(thread instanceof String url)) {
                    return null;
                }
                String host = url.substring("https://".length(), url.indexOf('/', "https://".length()));
                return new Views.CommentsView("mastodon", List.of(), url, "Reply on Mastodon",
                        "the replies to this post's thread on " + host + " are its comments.", false);
            }
        }
    }

    private static List<Views.AttributeView> analytics(SiteConfig.Service service) {
        if (service == null) {
            return List.of();
        }
        Map<String, String> s = service.settings();
        List<Views.AttributeView> attributes = new ArrayList<>();
        attributes.add(attribute("data-analytics", service.provider()));
        switch (service.provider()) {
            case "plausible" -> {
                attributes.add(attribute("data-analytics-src", s.get("src")));
                attributes.add(attribute("data-domain", s.get("domain")));
            }
            case "goatcounter" -> {
                attributes.add(attribute("data-analytics-src", "https://gc.zgo.at/count.js"));
                attributes.add(attribute("data-goatcounter", "https://" + s.get("code") + ".goatcounter.com/count"));
            }
            case "umami" -> {
                attributes.add(attribute("data-analytics-src", s.get("src")));
                attributes.add(attribute("data-website-id", s.get("website_id")));
            }
            default -> attributes.add(attribute("data-analytics-src",
                    "https://www.googletagmanager.com/gtag/js?id=" + s.get("measurement_id")));
        }
        return List.copyOf(attributes);
    }

    private static Views.AttributeView attribute(String name, String value) {
        return new Views.AttributeView(name, value);
    }
}
