package dev.kiln.liquid;

import dev.kiln.liquid.LiquidValues.Range;
import dev.kiln.liquid.SiteLookup.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify Liquid's standard filters and Jekyll's own, as Jekyll 4.3 runs them on Liquid 5
 * (checked against Debian's jekyll 4.3.1 by the fixtures of {@code JekyllLiquidTest}).
 */
final class Filters {
    /** Every filter Kiln runs, for the error that names an unknown one. */
    static final Names NAMES = new Names(List.of(
            // Liquid: string
            "append", "prepend", "capitalize", "downcase", "upcase", "escape", "escape_once", "h", "lstrip", "rstrip", "strip",
            "strip_html", "strip_newlines", "newline_to_br", "remove", "remove_first", "remove_last", "replace", "replace_first",
            "replace_last", "slice", "split", "truncate", "truncatewords", "url_encode", "url_decode", "base64_encode",
            "base64_decode", "base64_url_safe_encode", "base64_url_safe_decode", "size", "default",
            // Liquid: math
            "abs", "at_least", "at_most", "ceil", "floor", "round", "divided_by", "minus", "modulo", "plus", "times",
            // Liquid: arrays
            "compact", "concat", "first", "last", "join", "map", "reverse", "sort", "sort_natural", "uniq", "where", "sum",
            // dates
            "date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string",
            // Jekyll
            "relative_url", "absolute_url", "xml_escape", "cgi_escape", "uri_escape", "normalize_whitespace", "number_of_words",
            "array_to_sentence_string", "markdownify", "slugify", "jsonify", "inspect", "where_exp", "find", "find_exp",
            "group_by", "group_by_exp", "push", "pop", "shift", "unshift", "to_integer"));

    /** A set that keeps its order, for messages. */
    record Names(List<String> names) {
        boolean contains(String name) {
            return names.contains(name);
        }

        @Override
        public String toString() {
            return String.join(", ", names);
        }
    }

    private static final Pattern INTEGER = Pattern.compile("\\s*-?\\d+\\s*");
    private static final Pattern DECIMAL = Pattern.compile("\\s*-?\\d+\\.\\d+\\s*");
    private static final Pattern HTML_PARTS = Pattern.compile("(?s)<script.*?</script>|<!--.*?-->|<style.*?</style>|<.*?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);");

    private final LiquidRenderer.Run run;

    Filters(LiquidRenderer.Run run) {
        this.run = run;
    }

    /** Liquid's number of a value: numbers as they are, numeric text read, anything else 0. */
    static Object number(Object value) {
        value = LiquidValues.normal(value);
        if (value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof String s) {
            if (INTEGER.matcher(s).matches()) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    return Double.parseDouble(s.strip());
                }
            }
            if (DECIMAL.matcher(s).matches()) {
                return Double.parseDouble(s.strip());
            }
        }
        return 0L;
    }

    Object apply(Expression.Filter filter, Object input, List<Object> args, Map<String, Object> named) {
        String name = filter.name();
        int offset = filter.offset();
        if (!NAMES.contains(name)) {
            String hint = switch (name) {
                case "sample", "shuffle" -> "'" + name + "' picks at random, and Kiln builds the same bytes every time; pick the item with | first or [index]";
                case "smartify" -> "Kiln's Markdown already makes quotes and dashes typographic";
                case "sassify", "scssify" -> "Kiln does not compile Sass; write CSS";
                default -> closest(name) == null ? "Kiln runs Liquid's standard filters and Jekyll's own, listed in the manual's"
                        + " \"Jekyll's Markdown dialect\"" : "did you mean '" + closest(name) + "'?";
            };
            throw new LiquidException(offset, "unknown Liquid filter '" + name + "'", hint);
        }
        input = LiquidValues.normal(input);
        Arguments a = new Arguments(name, offset, args);
        return textFilter(name, input, a, offset, named);
    }

    /** Liquid's filters on text: case, whitespace, replacing, slicing, truncating, URL and Base64 encoding. */
    private Object textFilter(String name, Object input, Arguments a, int offset, Map<String, Object> named) {
        return switch (name) {
            case "append" -> show(input) + a.text(0);
            case "prepend" -> a.text(0) + show(input);
            case "capitalize" -> {
                String s = show(input);
                yield s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            }
            case "downcase" -> show(input).toLowerCase(Locale.ROOT);
            case "upcase" -> show(input).toUpperCase(Locale.ROOT);
            case "escape", "h" -> input == null ? null : escapeHtml(show(input));
            case "escape_once" -> escapeOnce(show(input));
            case "lstrip" -> show(input).replaceFirst("^\\s+", "");
            case "rstrip" -> show(input).replaceFirst("\\s+$", "");
            case "strip" -> show(input).strip();
            case "strip_html" -> HTML_PARTS.matcher(show(input)).replaceAll("");
            case "strip_newlines" -> show(input).replaceAll("\\r?\\n", "");
            case "newline_to_br" -> show(input).replaceAll("\\r?\\n", "<br />\n");
            case "remove" -> show(input).replace(a.text(0), "");
            case "remove_first" -> replaceFirst(show(input), a.text(0), "");
            case "remove_last" -> replaceLast(show(input), a.text(0), "");
            case "replace" -> show(input).replace(a.text(0), a.text(1, ""));
            case "replace_first" -> replaceFirst(show(input), a.text(0), a.text(1, ""));
            case "replace_last" -> replaceLast(show(input), a.text(0), a.text(1, ""));
            case "slice" -> slice(input, a.integer(0), a.count() > 1 ? a.integer(1) : 1);
            case "split" -> split(show(input), a.text(0));
            case "truncate" -> truncate(show(input), a.count() > 0 ? a.integer(0) : 50, a.text(1, "..."));
            case "truncatewords" -> truncateWords(show(input), a.count() > 0 ? a.integer(0) : 15, a.text(1, "..."));
            case "url_encode" -> input == null ? null : cgiEscape(show(input));
            case "url_decode" -> input == null ? null : URLDecoder.decode(show(input), StandardCharsets.UTF_8);
            case "base64_encode" -> Base64.getEncoder().encodeToString(show(input).getBytes(StandardCharsets.UTF_8));
            case "base64_url_safe_encode" -> Base64.getUrlEncoder().encodeToString(show(input).getBytes(StandardCharsets.UTF_8));
            case "base64_decode", "base64_url_safe_decode" -> base64(show(input), name.startsWith("base64_url"), offset);
            default -> numberFilter(name, input, a, offset, named);
        };
    }

    /** Liquid's filters on numbers and single values: size, default, arithmetic, rounding. */
    private Object numberFilter(String name, Object input, Arguments a, int offset, Map<String, Object> named) {
        return switch (name) {
            case "size" -> input instanceof String s ? (long) s.length() : input instanceof Map<?, ?> m ? (long) m.size()
                    : input instanceof Collection<?> || input instanceof Range ? (long) LiquidValues.items(input).size() : 0L;
            case "default" -> {
                boolean allowFalse = LiquidValues.truthy(named.get("allow_false"));
                boolean useDefault = input == null || LiquidValues.isEmpty(input) || Boolean.FALSE.equals(input) && !allowFalse;
                yield useDefault ? a.value(0) : input;
            }
            case "abs" -> math(input, null, "abs", offset);
            case "at_least", "at_most", "divided_by", "minus", "modulo", "plus", "times" -> math(input, a.value(0), name, offset);
            case "ceil", "floor" -> {
                double d = ((Number) number(input)).doubleValue();
                yield (long) (name.equals("ceil") ? Math.ceil(d) : Math.floor(d));
            }
            case "round" -> round(number(input), a.count() > 0 ? a.integer(0) : 0);
            case "to_integer" -> input instanceof Boolean b ? (b ? 1L : 0L) : ((Number) number(input)).longValue();
            default -> arrayFilter(name, input, a, offset, named);
        };
    }

    /** Liquid's and Jekyll's filters on arrays: joining, sorting, filtering, grouping, adding and removing items. */
    private Object arrayFilter(String name, Object input, Arguments a, int offset, Map<String, Object> named) {
        return switch (name) {
            case "compact" -> items(input).stream().filter(Objects::nonNull).toList();
            case "concat" -> {
                Object other = a.value(0);
                if (!(other instanceof Collection<?>)) {
                    throw new LiquidException(offset, "concat needs an array, got " + LiquidValues.inspect(other), "concat joins two arrays: | concat: other_array");
                }
                List<Object> all = new ArrayList<>(items(input));
                all.addAll(items(other));
                yield all;
            }
            case "first" -> input instanceof Collection<?> || input instanceof Range ? first(items(input)) : null;
            case "last" -> input instanceof Collection<?> || input instanceof Range ? last(items(input)) : null;
            case "join" -> String.join(a.text(0, " "), items(input).stream().map(LiquidValues::show).toList());
            case "map" -> items(input).stream().map(item -> property(item, a.text(0))).toList();
            case "reverse" -> {
                List<Object> list = new ArrayList<>(items(input));
                java.util.Collections.reverse(list);
                yield list;
            }
            case "sort" -> sort(input, a.count() > 0 ? a.text(0) : null, a.text(1, "first"), false, offset);
            case "sort_natural" -> sort(input, a.count() > 0 ? a.text(0) : null, "first", true, offset);
            case "uniq" -> a.count() > 0 ? uniqBy(items(input), a.text(0)) : List.copyOf(new LinkedHashSet<>(items(input)));
            case "sum" -> sum(input, a.count() > 0 ? a.text(0) : null);
            case "where" -> where(input, a.text(0), a.count() > 1 ? a.value(1) : null, a.count() > 1);
            case "where_exp", "find_exp", "group_by_exp" -> expressionFilter(name, input, a.text(0), a.text(1), offset);
            case "find" -> first(where(input, a.text(0), a.value(1), true));
            case "group_by" -> groupBy(input, item -> show(property(item, a.text(0))));
            case "push" -> {
                List<Object> list = new ArrayList<>(items(input));
                list.add(a.value(0));
                yield list;
            }
            case "unshift" -> {
                List<Object> list = new ArrayList<>(items(input));
                list.add(0, a.value(0));
                yield list;
            }
            case "pop", "shift" -> {
                List<Object> list = new ArrayList<>(items(input));
                int n = (int) Math.min(list.size(), Math.max(0, a.count() > 0 ? a.integer(0) : 1));
                yield name.equals("pop") ? List.copyOf(list.subList(0, list.size() - n)) : List.copyOf(list.subList(n, list.size()));
            }
            default -> jekyllFilter(name, input, a, offset, named);
        };
    }

    /** Jekyll's own filters: dates, URLs, escaping, words, Markdown, slugs, JSON. */
    private Object jekyllFilter(String name, Object input, Arguments a, int offset, Map<String, Object> named) {
        return switch (name) {
            case "date" -> date(input, a.text(0, ""), offset);
            case "date_to_xmlschema" -> dateFilter(input, offset, t -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")));
            case "date_to_rfc822" -> dateFilter(input, offset, t -> Strftime.format(t, "%a, %d %b %Y %H:%M:%S %z"));
            case "date_to_string" -> dateFilter(input, offset, t -> dateString(t, "%b", a.text(0, ""), a.text(1, "")));
            case "date_to_long_string" -> dateFilter(input, offset, t -> dateString(t, "%B", a.text(0, ""), a.text(1, "")));
            case "relative_url" -> input == null ? null : run.relativeUrl(show(input));
            case "absolute_url" -> input == null ? null : absoluteUrl(show(input));
            case "xml_escape" -> xmlEscape(show(input));
            case "cgi_escape" -> cgiEscape(show(input));
            case "uri_escape" -> uriEscape(show(input));
            case "normalize_whitespace" -> show(input).replaceAll("\\s+", " ").strip();
            case "number_of_words" -> (long) numberOfWords(show(input), a.text(0, ""));
            case "array_to_sentence_string" -> sentence(items(input), a.text(0, "and"));
            case "markdownify" -> markdownify(show(input), offset);
            case "slugify" -> slugify(show(input), a.text(0, "default"));
            case "jsonify" -> json(input);
            case "inspect" -> xmlEscape(LiquidValues.inspect(input));
            default -> throw new IllegalStateException(name);
        };
    }

    /** The filter whose name is nearest to {@code name} (at most two edits away), or null. */
    private static String closest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : NAMES.names()) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** A filter's arguments, read with the types it needs. */
    private record Arguments(String filter, int offset, List<Object> values) {
        int count() {
            return values.size();
        }

        Object value(int i) {
            if (i >= values.size()) {
                throw new LiquidException(offset, "filter '" + filter + "' needs " + (i == 0 ? "an argument" : i + 1 + " arguments"),
                        "write | " + filter + ": value");
            }
            return LiquidValues.normal(values.get(i));
        }

        String text(int i) {
            return show(value(i));
        }

        String text(int i, String otherwise) {
            return i < values.size() ? show(values.get(i)) : otherwise;
        }

        int integer(int i) {
            return (int) ((Number) number(value(i))).longValue();
        }
    }

    private static String show(Object value) {
        return LiquidValues.show(value);
    }

    /** The items an array filter walks: a hash is one item, as in Liquid (a for loop walks its pairs instead). */
    private static List<Object> items(Object value) {
        return value instanceof Map<?, ?> ? List.of(value) : LiquidValues.items(value);
    }

    private static Object first(List<Object> list) {
        return list.isEmpty() ? null : LiquidValues.normal(list.get(0));
    }

    private static Object last(List<Object> list) {
        return list.isEmpty() ? null : LiquidValues.normal(list.get(list.size() - 1));
    }

    /** {@code item.property}, the way Jekyll's array filters read it (a dotted path works too). */
    private Object property(Object item, String property) {
        Object value = item;
        for (String part : property.split("\\.", -1)) {
            if (value instanceof LiquidRenderer.SiteView || value instanceof Map<?, ?> || value instanceof Collection<?>) {
                value = run.member(value, part.matches("-?\\d+") && value instanceof Collection<?> ? (Object) Long.parseLong(part) : part, true);
                value = value == null || value.getClass() == Object.class ? null : value;
            } else {
                return null;
            }
        }
        return LiquidValues.normal(value);
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Jekyll's {@code xml_escape}: Ruby's XML attribute escaping, {@code '} as {@code &apos;}. */
    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    private static String escapeOnce(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escapeHtml(s.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(escapeHtml(s.substring(last))).toString();
    }

    private static String replaceFirst(String s, String find, String with) {
        int at = s.indexOf(find);
        return at < 0 ? s : s.substring(0, at) + with + s.substring(at + find.length());
    }

    private static String replaceLast(String s, String find, String with) {
        int at = s.lastIndexOf(find);
        return at < 0 ? s : s.substring(0, at) + with + s.substring(at + find.length());
    }

    private static Object slice(Object input, int start, int length) {
        if (input instanceof Collection<?> || input instanceof Range) {
            List<Object> list = items(input);
            int from = start < 0 ? list.size() + start : start;
            if (from < 0 || from > list.size() || length < 0) {
                return List.of();
            }
            return List.copyOf(list.subList(from, Math.min(list.size(), from + length)));
        }
        String s = show(input);
        int from = start < 0 ? s.length() + start : start;
        if (from < 0 || from > s.length() || length < 0) {
            return null;
        }
        return s.substring(from, Math.min(s.length(), from + length));
    }

    /** Ruby's {@code String#split}: a single space splits on runs of whitespace; trailing empty parts are dropped. */
    static List<Object> split(String s, String separator) {
        List<Object> parts = new ArrayList<>();
        if (separator.equals(" ")) {
            for (String part : s.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return parts;
        }
        if (separator.isEmpty()) {
            s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
            return parts;
        }
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        while (!parts.isEmpty() && ((String) parts.get(parts.size() - 1)).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static String truncate(String s, int length, String ellipsis) {
        if (s.length() <= length) {
            return s;
        }
        int keep = Math.max(0, length - ellipsis.length());
        return s.substring(0, keep) + ellipsis;
    }

    private static String truncateWords(String s, int words, String ellipsis) {
        words = Math.max(1, words);
        String[] list = s.strip().split("\\s+", words + 1);
        if (list.length <= words) {
            return s;
        }
        return String.join(" ", java.util.Arrays.asList(list).subList(0, words)) + ellipsis;
    }

    /** Ruby's {@code CGI.escape}: letters, digits and {@code _.-~} kept, spaces as {@code +}. */
    static String cgiEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.-~".indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** Jekyll's {@code uri_escape} (Addressable's normalize_component): reserved characters and escapes kept. */
    static String uriEscape(String s) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@/?#[]".indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append('%');
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static Object base64(String s, boolean urlSafe, int offset) {
        try {
            return new String((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new LiquidException(offset, "invalid base64 provided to " + (urlSafe ? "base64_url_safe_decode" : "base64_decode"),
                    "give it text that base64_encode made");
        }
    }

    // math

    private static Object math(Object input, Object argument, String operation, int offset) {
        Object a = number(input);
        Object b = argument == null ? 0L : number(argument);
        if (a instanceof Long x && b instanceof Long y) {
            return switch (operation) {
                case "abs" -> Math.abs(x);
                case "at_least" -> Math.max(x, y);
                case "at_most" -> Math.min(x, y);
                case "plus" -> x + y;
                case "minus" -> x - y;
                case "times" -> x * y;
                case "divided_by", "modulo" -> {
                    if (y == 0) {
                        throw new LiquidException(offset, "divided by 0", "divide by a number other than 0");
                    }
                    yield operation.equals("modulo") ? Math.floorMod(x, y) : Math.floorDiv(x, y);
                }
                default -> throw new IllegalStateException(operation);
            };
        }
        // Liquid computes with floats as BigDecimal (0.1 + 0.2 is 0.3), then prints the result as a float.
        BigDecimal x = decimal((Number) a);
        BigDecimal y = decimal((Number) b);
        return switch (operation) {
            case "abs" -> x.abs().doubleValue();
            case "at_least" -> x.max(y).doubleValue();
            case "at_most" -> x.min(y).doubleValue();
            case "plus" -> x.add(y).doubleValue();
            case "minus" -> x.subtract(y).doubleValue();
            case "times" -> x.multiply(y).doubleValue();
            case "divided_by", "modulo" -> {
                if (y.signum() == 0) {
                    throw new LiquidException(offset, "divided by 0", "divide by a number other than 0");
                }
                BigDecimal quotient = x.divide(y, java.math.MathContext.DECIMAL128);
                yield operation.equals("divided_by") ? quotient.doubleValue()
                        : x.subtract(y.multiply(quotient.setScale(0, RoundingMode.FLOOR))).doubleValue();
            }
            default -> throw new IllegalStateException(operation);
        };
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(Double.toString(n.doubleValue()));
    }

    private static Object round(Object number, int digits) {
        if (number instanceof Long l) {
            return digits > 0 ? (Object) l.doubleValue() : l;
        }
        BigDecimal d = BigDecimal.valueOf(((Number) number).doubleValue()).setScale(Math.max(0, digits), RoundingMode.HALF_UP);
        return digits > 0 ? (Object) d.doubleValue() : (Object) d.longValue();
    }

    private Object sum(Object input, String property) {
        Object total = 0L;
        for (Object item : items(input)) {
            Object value = property == null ? item : property(item, property);
            total = math(total, value, "plus", 0);
        }
        return total;
    }

    // arrays

    private Object sort(Object input, String property, String nils, boolean natural, int offset) {
        if (input == null) {
            return List.of();
        }
        if (input instanceof Map<?, ?> && property == null && !natural) {
            // Jekyll's sort, unlike Liquid's, sorts a hash as Ruby does: its [key, value] pairs by key ({% assign t = site.tags | sort %})
            List<Object> pairs = new ArrayList<>(LiquidValues.items(input));
            pairs.sort(Comparator.comparing(pair -> show(((List<?>) pair).get(0))));
            return pairs;
        }
        List<Object> list = new ArrayList<>(items(input));
        Comparator<Object> order = (x, y) -> {
            Object a = property == null ? LiquidValues.normal(x) : property(x, property);
            Object b = property == null ? LiquidValues.normal(y) : property(y, property);
            if (a == null || b == null) {
                int nullsFirst = a == null && b == null ? 0 : a == null ? -1 : 1;
                return nils.equals("last") ? -nullsFirst : nullsFirst;
            }
            if (a instanceof Number m && b instanceof Number n) {
                return Double.compare(m.doubleValue(), n.doubleValue());
            }
            if (natural) {
                return show(a).toLowerCase(Locale.ROOT).compareTo(show(b).toLowerCase(Locale.ROOT));
            }
            if (a instanceof String s && b instanceof String t) {
                return s.compareTo(t);
            }
            if (a instanceof OffsetDateTime s && b instanceof OffsetDateTime t) {
                return s.compareTo(t);
            }
            throw new LiquidException(offset, "cannot sort " + LiquidValues.typeName(a) + " with " + LiquidValues.typeName(b),
                    property == null ? "sort items of one kind, or sort by a property: | sort: \"title\"" : "give every item's " + property + " one kind of value");
        };
        list.sort(order);
        return list;
    }

    private List<Object> uniqBy(List<Object> list, String property) {
        List<Object> out = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (Object item : list) {
            if (seen.add(property(item, property))) {
                out.add(item);
            }
        }
        return out;
    }

    /** Jekyll's {@code where}: items whose property, as text (or any of its items), equals the value as text. */
    private List<Object> where(Object input, String property, Object value, boolean hasValue) {
        List<Object> out = new ArrayList<>();
        for (Object item : items(input)) {
            Object p = property(item, property);
            boolean match;
            if (!hasValue) {
                match = LiquidValues.truthy(p);
            } else if (p instanceof Collection<?> c) {
                match = c.stream().anyMatch(v -> show(v).equals(show(value)));
            } else {
                match = value == null ? p == null : show(p).equals(show(value));
            }
            if (match) {
                out.add(item);
            }
        }
        return out;
    }

    private Object groupBy(Object input, java.util.function.Function<Object, String> key) {
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (Object item : items(input)) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<Object> out = new ArrayList<>();
        groups.forEach((name, items) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            group.put("items", List.copyOf(items));
            group.put("size", (long) items.size());
            out.add(group);
        });
        return out;
    }

    /** {@code where_exp: "item", "item.year > 2018"} and its kin: the expression read and run for every item. */
    private Object expressionFilter(String name, Object input, String variable, String expression, int offset) {
        Expression.Condition condition;
        Expression.Filtered value;
        try {
            Expression.Parser parser = new Expression.Parser(expression, 0, expression.length());
            if (name.equals("group_by_exp")) {
                value = parser.filtered();
                condition = null;
            } else {
                condition = parser.condition();
                value = null;
            }
            parser.end(name);
        } catch (LiquidException e) {
            throw new LiquidException(offset, name + ": " + e.getMessage() + " in \"" + expression + "\"", e.hint);
        }
        List<Object> matches = new ArrayList<>();
        java.util.function.Function<Object, Object> each = item -> {
            Map<String, Object> scope = new java.util.HashMap<>();
            scope.put(variable, item);
            return run.withScope(scope, () -> condition != null ? (Object) run.test(condition) : run.value(value));
        };
        try {
            if (name.equals("group_by_exp")) {
                return groupBy(input, item -> show(each.apply(item)));
            }
            for (Object item : items(input)) {
                if (Boolean.TRUE.equals(each.apply(item))) {
                    if (name.equals("find_exp")) {
                        return item;
                    }
                    matches.add(item);
                }
            }
        } catch (LiquidException e) {
            throw new LiquidException(offset, name + ": " + e.getMessage() + " in \"" + expression + "\"", e.hint);
        }
        return name.equals("find_exp") ? null : matches;
    }

    private static String sentence(List<Object> items, String connector) {
        List<String> words = items.stream().map(LiquidValues::show).toList();
        return switch (words.size()) {
            case 0 -> "";
            case 1 -> words.get(0);
            case 2 -> words.get(0) + " " + connector + " " + words.get(1);
            default -> String.join(", ", words.subList(0, words.size() - 1)) + ", " + connector + " " + words.get(words.size() - 1);
        };
    }

    /** Jekyll's {@code number_of_words}: whitespace-separated words, or with "cjk"/"auto" each CJK character a word. */
    private static int numberOfWords(String s, String mode) {
        Pattern cjk = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}\\p{IsHangul}]");
        if (mode.equals("cjk") || mode.equals("auto") && cjk.matcher(s).find()) {
            Matcher m = cjk.matcher(s);
            int count = 0;
            while (m.find()) {
                count++;
            }
            String rest = cjk.matcher(s).replaceAll(" ").strip();
            return count + (rest.isEmpty() ? 0 : rest.split("\\s+").length);
        }
        String stripped = s.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Jekyll's {@code slugify} modes: raw, default, pretty, ascii, latin, none. */
    static String slugify(String s, String mode) {
        String slug = switch (mode) {
            case "none" -> s;
            case "raw" -> s.replaceAll("\\s+", "-");
            case "pretty" -> s.replaceAll("[^\\p{L}\\p{N}._~!$&'()+,;=@]+", "-");
            case "ascii" -> s.replaceAll("[^a-zA-Z0-9]+", "-");
            case "latin" -> Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-zA-Z0-9]+", "-");
            default -> s.replaceAll("[^\\p{L}\\p{N}]+", "-");
        };
        if (!mode.equals("none")) {
            slug = slug.replaceAll("^-+|-+$", "");
        }
        return slug.toLowerCase(Locale.ROOT);
    }

    private String absoluteUrl(String url) {
        if (url.contains("://")) {
            return url;
        }
        Object site = run.shared.ask(Kind.SITE_VARIABLE, "url");
        return (site == null ? "" : show(site).replaceAll("/+$", "")) + run.relativeUrl(url);
    }

    private Object markdownify(String markdown, int offset) {
        String html = run.shared.site.markdownify(markdown);
        if (html == null) {
            throw new LiquidException(offset, "markdownify is not available here", "write the Markdown itself");
        }
        return html;
    }

    // dates

    private interface DateFormat {
        String format(OffsetDateTime date);
    }

    private Object dateFilter(Object input, int offset, DateFormat format) {
        if (input == null || show(input).isEmpty()) {
            return input;
        }
        OffsetDateTime date = toDate(input);
        if (date == null) {
            throw new LiquidException(offset, "invalid date: " + LiquidValues.inspect(input) + " is not a valid datetime",
                    "apply it to page.date, or to a date written as 2019-03-12 or 2019-03-12 18:30:00 +0100");
        }
        return format.format(date);
    }

    private Object date(Object input, String format, int offset) {
        String unknown = Strftime.unknownDirective(format);
        if (unknown != null) {
            throw new LiquidException(offset, "date format directive '" + unknown + "' is not supported",
                    "use Ruby's strftime directives, e.g. %Y %m %d %B %b %-d %H:%M %c %F");
        }
        if (format.isEmpty() || input == null) {
            return input;
        }
        OffsetDateTime date = toDate(input);
        return date == null ? input : Strftime.format(date, format);
    }

    /** Liquid's date of a value: a Time, "now"/"today" (site.time, so builds stay reproducible), seconds, or a date as text. */
    private OffsetDateTime toDate(Object input) {
        if (input instanceof OffsetDateTime date) {
            return date;
        }
        if (input instanceof Long seconds) {
            return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        }
        String s = show(input).strip();
        if (s.equals("now") || s.equals("today")) {
            Object time = run.site("time");
            return time instanceof OffsetDateTime t ? t : null;
        }
        if (s.matches("\\d+")) {
            return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(Long.parseLong(s)), ZoneOffset.UTC);
        }
        return parseDate(s, zone());
    }

    private ZoneId zone() {
        Object zone = run.shared.ask(Kind.SITE_VARIABLE, "timezone");
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(show(zone));
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static final Pattern DATE_TEXT = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    /** The dates Jekyll authors write: {@code 2019-03-12}, with a time, with an offset; else RFC 1123's form; null if none. */
    static OffsetDateTime parseDate(String s, ZoneId zone) {
        Matcher m = DATE_TEXT.matcher(s);
        if (m.matches()) {
            try {
                LocalDateTime local = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        .atTime(m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                if (m.group(8) == null) {
                    return local.atZone(zone).toOffsetDateTime();
                }
                String offset = m.group(8).equals("Z") ? "Z" : m.group(8).replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
                return local.atOffset(ZoneOffset.of(offset));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Jekyll's {@code date_to_string} and {@code date_to_long_string}, with "ordinal" and "US" styles. */
    private static String dateString(OffsetDateTime date, String month, String type, String style) {
        if (!type.equals("ordinal")) {
            return Strftime.format(date, "%d " + month + " %Y");
        }
        int day = date.getDayOfMonth();
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return style.equals("US") ? Strftime.format(date, month + " ") + day + suffix + Strftime.format(date, ", %Y")
                : day + suffix + Strftime.format(date, " " + month + " %Y");
    }

    // JSON, as Ruby's JSON.generate writes it

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        json(out, LiquidValues.normal(value));
        return out.toString();
    }

    private static void json(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(LiquidValues.showDouble(d));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() instanceof LiquidValues.Unavailable) {
                    continue;
                }
                out.append(first ? "" : ",");
                first = false;
                json(out, String.valueOf(e.getKey()));
                out.append(':');
                json(out, LiquidValues.normal(e.getValue()));
            }
            out.append('}');
        } else if (value instanceof Collection<?> || value instanceof Range) {
            out.append('[');
            boolean first = true;
            for (Object item : items(value)) {
                out.append(first ? "" : ",");
                first = false;
                json(out, LiquidValues.normal(item));
            }
            out.append(']');
        } else {
            String s = show(value);
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
