package dev.kiln.model;

import dev.kiln.frontmatter.YamlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code comments:} and {@code analytics:} from site.yml: which service, and the few settings it
 * needs, checked here so that a typo is an error at the key rather than a widget that silently fails.
 * Both are off unless site.yml names a provider.
 */
final class ThirdPartySettings {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HTTPS = Pattern.compile("https://[A-Za-z0-9.-]+(?::\\d+)?/[^\\s\"'<>]*");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final FieldReader fields;
    private final String siteUrl;

    ThirdPartySettings(FieldReader fields, String siteUrl) {
        this.fields = fields;
        this.siteUrl = siteUrl;
    }

    SiteConfig.Service comments() {
        Map<String, String> values = section("comments", List.of("giscus", "utterances", "mastodon"));
        if (values == null) {
            return null;
        }
        String provider = values.remove("provider");
        Map<String, String> settings = new LinkedHashMap<>();
        switch (provider) {
            case "giscus" -> {
                settings.put("repo", required("comments", values, "repo", REPO, "owner/name of a public GitHub repository"));
                settings.put("repo_id", required("comments", values, "repo_id", ID, "the id giscus.app shows for the repository, R_…"));
                settings.put("category", required("comments", values, "category", null, "the Discussions category, e.g. Announcements"));
                settings.put("category_id", required("comments", values, "category_id", ID, "the id giscus.app shows for the category, DIC_…"));
                settings.put("mapping", choice("comments", values, "mapping", "pathname", List.of("pathname", "url", "title", "og:title")));
                settings.put("strict", choice("comments", values, "strict", "false", List.of("true", "false")));
                settings.put("reactions", choice("comments", values, "reactions", "true", List.of("true", "false")));
                settings.put("input_position", choice("comments", values, "input_position", "bottom", List.of("top", "bottom")));
                settings.put("theme", optional(values, "theme", "preferred_color_scheme"));
                settings.put("lang", optional(values, "lang", "en"));
            }
            case "utterances" -> {
                settings.put("repo", required("comments", values, "repo", REPO, "owner/name of a public GitHub repository"));
                settings.put("issue_term", choice("comments", values, "issue_term", "pathname",
                        List.of("pathname", "url", "title", "og:title")));
                settings.put("label", optional(values, "label", ""));
                settings.put("theme", optional(values, "theme", "preferred-color-scheme"));
            }
            default -> { }
        }
        unknown("comments", provider, values);
        return new SiteConfig.Service(provider, Map.copyOf(settings));
    }

    SiteConfig.Service analytics() {
        Map<String, String> values = section("analytics", List.of("plausible", "goatcounter", "umami", "google"));
        if (values == null) {
            return null;
        }
        String provider = values.remove("provider");
        Map<String, String> settings = new LinkedHashMap<>();
        switch (provider) {
            case "plausible" -> {
                settings.put("domain", optional(values, "domain", siteUrl.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "")));
                settings.put("src", pattern("analytics", values, "src", "https://plausible.io/js/script.js", HTTPS,
                        "the address of Plausible's script, e.g. https://plausible.example.org/js/script.js"));
            }
            case "goatcounter" -> settings.put("code", required("analytics", values, "code", Pattern.compile("[a-z0-9-]+"),
                    "the site code of your GoatCounter address: mysite for mysite.goatcounter.com"));
            case "umami" -> {
                settings.put("website_id", required("analytics", values, "website_id", UUID, "the website id Umami shows, a UUID"));
                settings.put("src", pattern("analytics", values, "src", "https://cloud.umami.is/script.js", HTTPS,
                        "the address of Umami's script, e.g. https://umami.example.org/script.js"));
            }
            default -> settings.put("measurement_id", required("analytics", values, "measurement_id", Pattern.compile("G-[A-Z0-9]{4,16}"),
                    "the measurement id of a Google Analytics 4 web stream, G-…"));
        }
        unknown("analytics", provider, values);
        return new SiteConfig.Service(provider, Map.copyOf(settings));
    }

    /** The section's values as text, with a known {@code provider}; null when absent or unusable (reported). */
    private Map<String, String> section(String key, List<String> providers) {
        Object value = fields.doc().values().get(key);
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        String example = key + ": {provider: " + providers.get(0) + ", …}";
        if (!(value instanceof Map<?, ?> map)) {
            fields.error(key, "'" + key + "' should be a map with a provider, not '" + value + "'", "write e.g. " + example);
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                fields.error(key, key + "." + e.getKey() + " should be a single value", "write e.g. " + example);
                return null;
            }
            values.put(String.valueOf(e.getKey()), e.getValue() == null ? "" : String.valueOf(e.getValue()).strip());
        }
        String provider = values.get("provider");
        if (provider == null || !providers.contains(provider)) {
            fields.error(key, provider == null ? key + " needs a provider" : "unknown " + key + " provider '" + provider + "'",
                    "Kiln knows " + String.join(", ", providers) + " (manual: Embeds, comments and analytics)");
            return null;
        }
        return values;
    }

    private String required(String key, Map<String, String> values, String name, Pattern pattern, String what) {
        String value = values.remove(name);
        if (value == null || value.isEmpty()) {
            fields.error(key, key + " needs " + name + " for this provider", name + " is " + what);
            return "";
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            fields.error(key, key + "." + name + " '" + value + "' is not valid", name + " is " + what);
        }
        return value;
    }

    private String pattern(String key, Map<String, String> values, String name, String fallback, Pattern pattern, String what) {
        String value = values.remove(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!pattern.matcher(value).matches()) {
            fields.error(key, key + "." + name + " '" + value + "' is not an https:// address", name + " is " + what);
        }
        return value;
    }

    private String choice(String key, Map<String, String> values, String name, String fallback, List<String> allowed) {
        String value = values.remove(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            fields.error(key, key + "." + name + " should be one of " + String.join(", ", allowed) + ", not '" + value + "'",
                    "write e.g. " + name + ": " + fallback);
        }
        return value;
    }

    private static String optional(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private void unknown(String key, String provider, Map<String, String> left) {
        for (String name : left.keySet()) {
            fields.error(key, key + " with provider " + provider + " has no setting '" + name + "'",
                    "see the manual's Embeds, comments and analytics page for its settings");
        }
    }
}
