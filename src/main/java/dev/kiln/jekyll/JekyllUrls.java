package dev.kiln.jekyll;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs Jekyll 4 gives posts and pages, worked out as its {@code Jekyll::URL}, {@code UrlDrop} and
 * {@code Utils.slugify} do, so that every address of the old site can be kept or redirected.
 */
final class JekyllUrls {
    /** Jekyll's named permalink styles. */
    static final Map<String, String> STYLES = Map.of(
            "none", "/:categories/:title:output_ext",
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext");

    /** A post's file name: {@code YYYY-MM-DD-title.ext}, as Jekyll's {@code DATE_FILENAME_MATCHER}. */
    static final Pattern POST_NAME = Pattern.compile("(\\d{2,4}-\\d{1,2}-\\d{1,2})-(.*)(\\.[^.]+)");

    /** What YAML (Psych) reads as a timestamp: with a time and no offset it is UTC, whatever the time zone. */
    private static final Pattern YAML_TIMESTAMP = Pattern.compile(
            "-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[ Tt]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
            + "\\s*(Z|[+-]\\d{1,2}(?::?\\d{2})?)?");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

    private final String permalink;
    private final ZoneId zone;

    /** {@code permalink} as written in _config.yml (a style name or a pattern); {@code zone} Jekyll's TZ. */
    JekyllUrls(String permalink, ZoneId zone) {
        this.permalink = STYLES.getOrDefault(permalink, permalink);
        this.zone = zone;
    }

    /** The pattern posts follow, styles resolved. */
    String postPattern() {
        return permalink;
    }

    /**
     * A post's date as Jekyll sees it, in its time zone: {@code date:} from front matter (an unquoted
     * YAML timestamp without offset counts as UTC, as Psych reads it; other text is local time),
     * else the file name's date at local midnight.
     */
    ZonedDateTime postDate(String dateValue, boolean quoted, String fileDate) {
        if (dateValue != null) {
            Matcher m = DATE.matcher(dateValue.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read date '" + dateValue + "'");
            }
            LocalDateTime local = localDateTime(m);
            if (m.group(8) != null) {
                return local.atOffset(offset(m.group(8))).atZoneSameInstant(zone);
            }
            if (!quoted && YAML_TIMESTAMP.matcher(dateValue.strip()).matches()) {
                return local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
            }
            return local.atZone(zone);
        }
        Matcher m = DATE.matcher(fileDate);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the date of file name '" + fileDate + "'");
        }
        return localDateTime(m).atZone(zone);
    }

    /**
     * A post's URL: {@code ownPermalink} (front matter) or the site's pattern, filled from the date,
     * the categories, {@code slug:} or the file name's title, with {@code .html} for {@code :output_ext}.
     */
    String postUrl(String ownPermalink, ZonedDateTime date, List<String> categories, String slugValue, String fileTitle) {
        String template = ownPermalink != null ? ownPermalink : permalink;
        Set<String> lower = new LinkedHashSet<>();
        categories.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        String titleSource = slugValue != null ? slugValue : fileTitle;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "categories" -> String.join("/", lower);
                case "slugified_categories" -> String.join("/", categories.stream().map(c -> slugify(c, false, false)).distinct().toList());
                case "title" -> slugify(titleSource, true, true);
                case "slug" -> slugify(titleSource, false, false);
                case "name" -> slugify(fileTitle, false, false);
                case "collection" -> "posts";
                case "output_ext" -> ".html";
                case "year" -> format(date, "yyyy");
                case "month" -> format(date, "MM");
                case "day" -> format(date, "dd");
                case "hour" -> format(date, "HH");
                case "minute" -> format(date, "mm");
                case "second" -> format(date, "ss");
                case "i_day" -> Integer.toString(date.getDayOfMonth());
                case "i_month" -> Integer.toString(date.getMonthValue());
                case "short_month" -> date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case "long_month" -> date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case "short_year" -> format(date, "yy");
                case "w_year" -> Integer.toString(date.get(IsoFields.WEEK_BASED_YEAR));
                case "week" -> String.format(Locale.ROOT, "%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case "w_day" -> Integer.toString(date.getDayOfWeek().getValue());
                case "short_day" -> date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case "long_day" -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case "y_day" -> String.format(Locale.ROOT, "%03d", date.getDayOfYear());
                default -> throw new IllegalArgumentException("permalink '" + template + "' uses :" + m.group(1)
                        + ", which Jekyll does not know for posts");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return file(sanitize(out.toString()));
    }

    /**
     * A page's URL: its own {@code permalink:} or {@code /:path/:basename} with {@code .html} or
     * {@code /} as the site's style asks; {@code index} pages are their folder. {@code path} is
     * relative to the site, e.g. {@code docs/guide.md}.
     */
    String pageUrl(String ownPermalink, String path, boolean html) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String basename = dot > 0 ? name.substring(0, dot) : name;
        String outputExt = html ? ".html" : name.substring(dot);
        String template;
        if (ownPermalink != null) {
            template = ownPermalink;
        } else if (!html) {
            template = "/:path/:basename:output_ext";
        } else if (basename.equals("index")) {
            template = "/:path/";
        } else {
            template = "/:path/:basename" + suffix();
        }
        String url = template.replace(":path", dir).replace(":basename", basename).replace(":output_ext", outputExt);
        return file(sanitize(url));
    }

    /**
     * A collection document's URL: {@code pattern} (its own permalink:, else its collection's) or Jekyll's
     * {@code /:collection/:path} with the site style's suffix; {@code :path} is its path in the collection without the
     * extension ({@code sub/kiln}), {@code :name} that file name slugified, {@code :title} and {@code :slug} its {@code slug:}
     * or file name as posts' are.
     */
    String documentUrl(String pattern, String collection, String path, String slugValue) {
        String template = pattern != null ? pattern : "/:collection/:path" + suffix();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String titleSource = slugValue != null ? slugValue : name;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "collection" -> collection;
                case "path" -> path;
                case "name" -> slugify(name, false, false);
                case "title" -> slugify(titleSource, true, true);
                case "slug" -> slugify(titleSource, false, false);
                case "output_ext" -> ".html";
                default -> throw new IllegalArgumentException("permalink '" + template + "' uses :" + m.group(1)
                        + ", which the import does not work out for a collection's documents");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return file(sanitize(out.toString()));
    }

    /** What Jekyll's {@code add_permalink_suffix} puts after a page's name for this site's style. */
    private String suffix() {
        if (permalink.equals(STYLES.get("pretty"))) {
            return "/";
        }
        if (STYLES.containsValue(permalink)) {
            return ".html";
        }
        return permalink.endsWith("/") ? "/" : permalink.endsWith(":output_ext") ? ".html" : "";
    }

    /** Jekyll's {@code URL#sanitize_url}: no {@code ..}, no {@code ./}, no doubled slashes. */
    private static String sanitize(String url) {
        return ("/" + url).replace("..", "/").replace("./", "").replaceAll("/+", "/");
    }

    /** The address of the file Jekyll writes: a URL without an extension is served from {@code NAME.html}. */
    private static String file(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() || last.contains(".") ? url : url + ".html";
    }

    /**
     * Jekyll's {@code Utils.slugify}: runs of characters outside the mode's set become one {@code -},
     * with none at either end; lower case unless {@code cased}. {@code pretty} keeps {@code ._~!$&'()+,;=@}.
     */
    static String slugify(String text, boolean pretty, boolean cased) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean kept = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || (pretty && "._~!$&'()+,;=@".indexOf(cp) >= 0);
            if (kept) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.appendCodePoint(cp);
                dash = false;
            } else {
                dash = true;
            }
        }
        return cased ? out.toString() : out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The categories Jekyll 4 gives a post, in its order (checked with Jekyll 4.3.1): the folders above
     * its {@code _posts/} ({@code travel/europe/_posts/} gives Travel, Europe as written), then
     * {@code categories} (a list, or words separated by spaces), then {@code category} (one name, spaces
     * and all, or a list); folders inside {@code _posts/} add none.
     */
    static List<String> categories(List<String> folders, Object category, Object categories) {
        List<String> all = new ArrayList<>(folders);
        if (categories instanceof String s) {
            all.addAll(List.of(s.strip().split("\\s+")));
        } else if (categories instanceof List<?> list) {
            list.stream().filter(item -> item != null).forEach(item -> all.add(String.valueOf(item)));
        } else if (categories != null) {
            all.add(String.valueOf(categories));
        }
        if (category instanceof List<?> list) {
            list.stream().filter(item -> item != null).forEach(item -> all.add(String.valueOf(item)));
        } else if (category != null) {
            all.add(String.valueOf(category).strip());
        }
        all.removeIf(String::isEmpty);
        return List.copyOf(new LinkedHashSet<>(all));
    }

    private static String format(ZonedDateTime date, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(date);
    }

    private static LocalDateTime localDateTime(Matcher m) {
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return m.group(4) == null ? day.atStartOfDay() : day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() == 1 || digits.length() == 3 ? digits.substring(0, 1) : digits.substring(0, 2));
        String rest = digits.substring(digits.length() == 1 || digits.length() == 3 ? 1 : 2);
        int minutes = rest.isEmpty() ? 0 : Integer.parseInt(rest);
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
