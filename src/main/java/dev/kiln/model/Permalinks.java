package dev.kiln.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jekyll-style permalink patterns such as {@code /:year/:month/:day/:slug/}. */
final class Permalinks {
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "year", "month", "day", "i_month", "i_day", "short_year", "hour", "minute", "second", "slug", "title",
            "categories", "slugified_categories");

    /** The placeholders a document without a date can fill. */
    private static final java.util.Set<String> TEXT = java.util.Set.of("slug", "title", "categories", "slugified_categories");
    /** What Kiln writes where Jekyll leaves a category as written (lower case): the rest of a URL segment is clean. */
    private static final Pattern CLEAN_SEGMENT = Pattern.compile("[\\p{L}\\p{N}._~+-]+");

    private Permalinks() {}

    static Optional<String> check(String pattern) {
        if (!pattern.startsWith("/")) {
            return Optional.of("permalink '" + pattern + "' should start with /");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                return Optional.of("unknown placeholder :" + m.group(1) + " in permalink '" + pattern + "'");
            }
        }
        if (!UrlPaths.isSafe(PLACEHOLDER.matcher(pattern).replaceAll("x"))) {
            return Optional.of("permalink '" + pattern + "' is not a safe site path");
        }
        return Optional.empty();
    }

    /** The first placeholder in {@code pattern} that needs a date (:year, :hour, …), if any. */
    static Optional<String> datePlaceholder(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (KNOWN.contains(m.group(1)) && !TEXT.contains(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code :categories} stands for: the categories in lower case joined by {@code /}, as
     * Jekyll writes them ({@code [Java, Web]} → {@code java/web}, {@code C++} → {@code c++},
     * {@code Été} → {@code été}); a category that holds a space, a slash or a sign URLs escape is
     * slugified instead ({@code Web Dev} → {@code web-dev}, where Jekyll writes {@code /web%20dev/}).
     * Empty without categories: Jekyll then drops the segment.
     */
    static String categoryPath(List<String> categories) {
        java.util.LinkedHashSet<String> segments = new java.util.LinkedHashSet<>();
        for (String category : categories) {
            String lower = category.toLowerCase(java.util.Locale.ROOT);
            segments.add(CLEAN_SEGMENT.matcher(lower).matches() && !lower.equals(".") && !lower.equals("..") ? lower : Slugs.slugify(category));
        }
        segments.remove("");
        return String.join("/", segments);
    }

    /** True when {@code pattern} holds :slug or :title. */
    static boolean usesSlug(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (m.group(1).equals("slug") || m.group(1).equals("title")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Expands the placeholders; {@code date} may be null when the pattern has no date placeholder.
     * {@code categoryPath} is {@link #categoryPath}; where it is empty, the slashes around it collapse.
     */
    static String expand(String pattern, OffsetDateTime date, String slug, String categoryPath) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "year" -> String.format(java.util.Locale.ROOT, "%04d", date.getYear());
                case "short_year" -> String.format(java.util.Locale.ROOT, "%02d", date.getYear() % 100);
                case "month" -> String.format(java.util.Locale.ROOT, "%02d", date.getMonthValue());
                case "i_month" -> Integer.toString(date.getMonthValue());
                case "day" -> String.format(java.util.Locale.ROOT, "%02d", date.getDayOfMonth());
                case "i_day" -> Integer.toString(date.getDayOfMonth());
                case "hour" -> String.format(java.util.Locale.ROOT, "%02d", date.getHour());
                case "minute" -> String.format(java.util.Locale.ROOT, "%02d", date.getMinute());
                case "second" -> String.format(java.util.Locale.ROOT, "%02d", date.getSecond());
                case "slug", "title" -> slug;
                case "categories" -> categoryPath;
                case "slugified_categories" -> java.util.Arrays.stream(categoryPath.split("/")).map(Slugs::slugify)
                        .filter(s -> !s.isEmpty()).distinct().collect(java.util.stream.Collectors.joining("/"));
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return UrlPaths.normalize(out.toString().replaceAll("/{2,}", "/"));
    }
}
