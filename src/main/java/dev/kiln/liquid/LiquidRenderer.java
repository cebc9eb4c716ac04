package dev.kiln.liquid;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.liquid.SiteLookup.Kind;
import dev.kiln.liquid.SiteLookup.Lookup;
import dev.kiln.text.EditedText;
import dev.kiln.text.HtmlText;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the Liquid a Jekyll post holds, before its Markdown is read, as Jekyll does: on the whole
 * body, code included, except inside {@code {% raw %}}. Only what blog posts use is supported (see
 * the README's "Jekyll's Markdown dialect"); any other tag, variable or filter is an error at its
 * position, never text in the page. The result keeps, for every character, the place it came from.
 */
public final class LiquidRenderer {
    /** Where {@code {% include name %}} finds its files, relative to the site root. */
    public static final String INCLUDES = "templates/includes";
    private static final int MAX_INCLUDE_DEPTH = 10;

    private static final String TAGS = "highlight, raw, comment, post_url, link and include";
    private static final String AS_TEXT = "to show it as text, wrap it in {% raw %}…{% endraw %}, "
            + "or set render_with_liquid: false in the front matter";
    private static final List<String> SITE_VARIABLES = List.of("title", "description", "author", "url", "baseurl");
    private static final List<String> PAGE_VARIABLES = List.of("title", "url", "date", "description", "subtitle");
    private static final List<String> FILTERS = List.of("relative_url", "absolute_url", "date", "date_to_xmlschema",
            "date_to_string", "date_to_long_string", "xml_escape", "escape", "upcase", "downcase", "strip", "default",
            "append", "prepend");

    private static final Map<String, Pattern> END_TAGS = Map.of(
            "raw", endTag("raw"), "comment", endTag("comment"), "highlight", endTag("highlight"));
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9.+#_-]+");
    private static final Pattern INCLUDE_NAME = Pattern.compile("[A-Za-z0-9_][\\w.\\-/]*");
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[\\w.-]+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern VARIABLE = Pattern.compile("(site|page|include)\\.([A-Za-z_][\\w-]*)");

    private static Pattern endTag(String name) {
        return Pattern.compile("\\{%-?\\s*end" + name + "\\s*-?%\\}");
    }

    /** Whether {@code body} may hold Liquid at all; most posts do not, and skip this step. */
    public static boolean mayHoldLiquid(String body) {
        return body.contains("{{") || body.contains("{%");
    }

    /**
     * @param file the source, relative to the site root, for messages
     * @param bodyLine the line of the file on which {@code body} starts
     */
    public LiquidResult render(Path file, String body, int bodyLine, PageVariables page, SiteLookup site) {
        Shared shared = new Shared(page, site, new ArrayList<>(), new LinkedHashSet<>());
        Run run = new Run(shared, file, body, bodyLine, Map.of(), List.of());
        run.process(0, body.length());
        return new LiquidResult(run.out.build(), shared.diagnostics, List.copyOf(shared.lookups));
    }

    private record Shared(PageVariables page, SiteLookup site, List<Diagnostic> diagnostics, Set<Lookup> lookups) {
        String ask(Kind kind, String key) {
            String value = site.resolve(kind, key);
            lookups.add(new Lookup(kind, key, value));
            return value;
        }
    }

    /** The end tag of a block: where it starts and where it ends. */
    private record End(int start, int end) {}

    /** The inside {@code [start, end)} of a {@code {{ }}} or {@code {% %}}, whose closer starts at {@code close}. */
    private record Inner(int start, int end, int close) {}

    /** A value with the offset of its text, for messages. */
    private record Part(String text, int offset) {}

    /** One file being expanded: the post, or an included file. */
    private static final class Run {
        private final Shared shared;
        private final Path file;
        private final String text;
        private final int firstLine;
        private final Map<String, Object> parameters;
        private final List<String> includes;
        private final EditedText.Builder out;

        Run(Shared shared, Path file, String text, int firstLine, Map<String, Object> parameters, List<String> includes) {
            this.shared = shared;
            this.file = file;
            this.text = text;
            this.firstLine = firstLine;
            this.parameters = parameters;
            this.includes = includes;
            this.out = EditedText.from(text);
        }

        void process(int from, int to) {
            int i = from;
            while (i < to) {
                int open = nextOpening(i, to);
                if (open < 0) {
                    out.copy(i, to);
                    return;
                }
                out.copy(i, open);
                i = text.charAt(open + 1) == '{' ? output(open, to) : tag(open, to);
            }
        }

        private int nextOpening(int from, int to) {
            for (int i = text.indexOf('{', from); i >= 0 && i + 1 < to; i = text.indexOf('{', i + 1)) {
                char next = text.charAt(i + 1);
                if (next == '{' || next == '%') {
                    return i;
                }
            }
            return -1;
        }

        // {{ expression }}

        private int output(int open, int to) {
            Inner inner = inner(open, to, "{{", "}}");
            if (inner == null) {
                return open + 2;
            }
            String value = evaluate(inner.start(), inner.end());
            if (value != null) {
                out.insert(value, open);
            }
            return inner.close() + 2;
        }

        /**
         * What stands between the delimiter at {@code open} and {@code closer}, without Liquid's
         * whitespace-control dashes; null, after reporting it, when the delimiter is never closed.
         */
        private Inner inner(int open, int to, String opener, String closer) {
            int close = text.indexOf(closer, open + 2);
            if (close < 0 || close + 2 > to) {
                error(open, "'" + opener + "' is never closed by '" + closer + "'", "close it, or " + AS_TEXT);
                return null;
            }
            int start = open + 2;
            int end = close;
            if (start < end && text.charAt(start) == '-') {
                start++;
            }
            if (end > start && text.charAt(end - 1) == '-') {
                end--;
            }
            return new Inner(start, end, close);
        }

        /** The value of {@code text[start, end)} with its filters applied, or null after reporting why. */
        private String evaluate(int start, int end) {
            List<Part> parts = split(start, end, '|');
            Part first = trimmed(parts.get(0));
            if (first.text().isEmpty()) {
                error(first.offset(), "empty {{ }}", "write a variable such as {{ site.title }}, or " + AS_TEXT);
                return null;
            }
            Object value = operand(first);
            for (int i = 1; i < parts.size() && value != null; i++) {
                value = filter(value, trimmed(parts.get(i)));
            }
            return value == null ? null : show(value);
        }

        private Object operand(Part part) {
            String s = part.text();
            if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
                return s.substring(1, s.length() - 1);
            }
            if (NUMBER.matcher(s).matches()) {
                return s;
            }
            Matcher variable = VARIABLE.matcher(s);
            if (variable.matches()) {
                String key = variable.group(2);
                switch (variable.group(1)) {
                    case "site":
                        if (SITE_VARIABLES.contains(key)) {
                            String value = shared.ask(Kind.SITE_VARIABLE, key);
                            return value == null ? "" : value;
                        }
                        break;
                    case "page":
                        if (PAGE_VARIABLES.contains(key)) {
                            return page(key);
                        }
                        break;
                    default:
                        if (parameters.containsKey(key)) {
                            return parameters.get(key);
                        }
                        error(part.offset(), "unknown include parameter '" + s + "'",
                                "pass it to the include, as in {% include file.html " + key + "=\"value\" %}");
                        return null;
                }
            }
            error(part.offset(), "unknown Liquid variable '" + s + "'",
                    "Kiln knows " + String.join(", ", SITE_VARIABLES.stream().map(v -> "site." + v).toList()) + ", "
                            + String.join(", ", PAGE_VARIABLES.stream().map(v -> "page." + v).toList()) + "; " + AS_TEXT);
            return null;
        }

        private Object page(String key) {
            PageVariables page = shared.page();
            Object value = switch (key) {
                case "title" -> page.title();
                case "url" -> page.url();
                case "date" -> page.date();
                case "description" -> page.description();
                default -> page.subtitle();
            };
            return value == null ? "" : value;
        }

        private Object filter(Object input, Part part) {
            String s = part.text();
            int colon = s.indexOf(':');
            String name = (colon < 0 ? s : s.substring(0, colon)).strip();
            List<Object> arguments = new ArrayList<>();
            if (colon >= 0) {
                for (Part argument : split(part.offset() + colon + 1, part.offset() + s.length(), ',')) {
                    Object value = operand(trimmed(argument));
                    if (value == null) {
                        return null;
                    }
                    arguments.add(value);
                }
            }
            int expected = List.of("date", "default", "append", "prepend").contains(name) ? 1 : 0;
            if (FILTERS.contains(name) && arguments.size() != expected) {
                error(part.offset(), "filter '" + name + "' takes " + (expected == 0 ? "no argument" : "one argument"),
                        expected == 0 ? "write | " + name : "write | " + name + ": \"…\"");
                return null;
            }
            switch (name) {
                case "relative_url":
                    return relativeUrl(show(input));
                case "absolute_url": {
                    String url = show(input);
                    if (url.contains("://")) {
                        return url;
                    }
                    String site = shared.ask(Kind.SITE_VARIABLE, "url");
                    return (site == null ? "" : site.replaceAll("/+$", "")) + relativeUrl(url);
                }
                case "xml_escape":
                case "escape":
                    return HtmlText.escape(show(input));
                case "upcase":
                    return show(input).toUpperCase(Locale.ROOT);
                case "downcase":
                    return show(input).toLowerCase(Locale.ROOT);
                case "strip":
                    return show(input).strip();
                case "default":
                    return show(input).isEmpty() ? arguments.get(0) : input;
                case "append":
                    return show(input) + show(arguments.get(0));
                case "prepend":
                    return show(arguments.get(0)) + show(input);
                default:
                    break;
            }
            if (name.startsWith("date") && FILTERS.contains(name)) {
                if (!(input instanceof OffsetDateTime date)) {
                    error(part.offset(), "filter '" + name + "' needs a date", "apply it to page.date");
                    return null;
                }
                return switch (name) {
                    case "date_to_xmlschema" -> date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    case "date_to_string" -> strftime(date, "%d %b %Y");
                    case "date_to_long_string" -> strftime(date, "%d %B %Y");
                    default -> {
                        String format = show(arguments.get(0));
                        String unknown = unknownDirective(format);
                        if (unknown != null) {
                            error(part.offset(), "date format directive '" + unknown + "' is not supported",
                                    "use %Y %y %m %-m %d %-d %e %B %b %A %a %H %I %M %S %p %j %z %%");
                            yield null;
                        }
                        yield strftime(date, format);
                    }
                };
            }
            error(part.offset(), "unknown Liquid filter '" + name + "'", "Kiln knows " + String.join(", ", FILTERS));
            return null;
        }

        private String relativeUrl(String url) {
            if (url.contains("://") || url.startsWith("//")) {
                return url;
            }
            String baseurl = shared.ask(Kind.SITE_VARIABLE, "baseurl");
            baseurl = baseurl == null ? "" : baseurl.replaceAll("/+$", "");
            return baseurl + (url.startsWith("/") ? url : "/" + url);
        }

        // {% tag %}

        private int tag(int open, int to) {
            Inner inner = inner(open, to, "{%", "%}");
            if (inner == null) {
                return open + 2;
            }
            int start = inner.start();
            int end = inner.end();
            int close = inner.close();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int nameEnd = start;
            while (nameEnd < end && (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == '_')) {
                nameEnd++;
            }
            String name = text.substring(start, nameEnd);
            Part arguments = trimmed(new Part(text.substring(nameEnd, end), nameEnd));
            switch (name) {
                case "raw":
                case "comment": {
                    End endTag = end(name, close + 2, to);
                    if (endTag == null) {
                        error(open, "{% " + name + " %} is never closed", "end it with {% end" + name + " %}");
                        return to;
                    }
                    if (name.equals("raw")) {
                        out.copy(close + 2, endTag.start());
                    }
                    return endTag.end();
                }
                case "highlight":
                    return highlight(open, close + 2, arguments, to);
                case "post_url":
                    return url(open, close + 2, arguments, Kind.POST_URL);
                case "link":
                    return url(open, close + 2, arguments, Kind.LINK);
                case "include":
                    return include(open, close + 2, arguments);
                case "endraw":
                case "endcomment":
                case "endhighlight":
                    error(open, "{% " + name + " %} without {% " + name.substring(3) + " %}",
                            "remove it, or open the block before it");
                    return close + 2;
                default:
                    error(open, name.isEmpty() ? "empty {% %} tag" : "Liquid tag '" + name + "' is not supported",
                            "Kiln runs the tags " + TAGS + "; " + AS_TEXT);
                    return close + 2;
            }
        }

        private End end(String name, int from, int to) {
            Matcher m = END_TAGS.get(name).matcher(text).region(from, to);
            return m.find() ? new End(m.start(), m.end()) : null;
        }

        /** {@code {% highlight lang [linenos] %}…{% endhighlight %}} becomes a fenced code block with the code as it is. */
        private int highlight(int open, int afterTag, Part arguments, int to) {
            String[] words = arguments.text().isEmpty() ? new String[0] : arguments.text().split("\\s+");
            boolean ok = true;
            if (words.length == 0 || !LANGUAGE.matcher(words[0]).matches()) {
                error(open, "{% highlight %} needs a language", "write e.g. {% highlight ruby %}, or {% highlight text %} for none");
                ok = false;
            }
            boolean lineNumbers = false;
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("linenos") || words[i].startsWith("linenos=")) {
                    lineNumbers = true;
                } else {
                    error(arguments.offset() + arguments.text().indexOf(words[i]), "highlight option '" + words[i] + "' is not supported",
                            "Kiln supports {% highlight lang linenos %}; remove the option");
                    ok = false;
                }
            }
            End endTag = end("highlight", afterTag, to);
            if (endTag == null) {
                error(open, "{% highlight %} is never closed", "end the code with {% endhighlight %}");
                return to;
            }
            // As Jekyll: the code starts after the tag's line and ends before the end tag, without blank lines around it.
            int codeStart = afterTag;
            while (codeStart < endTag.start() && (text.charAt(codeStart) == ' ' || text.charAt(codeStart) == '\t')) {
                codeStart++;
            }
            if (codeStart < endTag.start() && text.charAt(codeStart) != '\n') {
                codeStart = afterTag;
            }
            while (codeStart < endTag.start() && text.charAt(codeStart) == '\n') {
                codeStart++;
            }
            int codeEnd = endTag.start();
            while (codeEnd > codeStart && Character.isWhitespace(text.charAt(codeEnd - 1))) {
                codeEnd--;
            }
            if (!ok) {
                return endTag.end();
            }
            String fence = "`".repeat(Math.max(3, longestBacktickRun(codeStart, codeEnd) + 1));
            if (!lineIsBlankSoFar()) {
                out.insert("\n", open);
            }
            out.insert(fence + words[0] + (lineNumbers ? " linenos" : "") + "\n", open);
            process(codeStart, codeEnd);
            out.insert(codeEnd > codeStart ? "\n" + fence : fence, endTag.start());
            int lineEnd = text.indexOf('\n', endTag.end());
            if (!text.substring(endTag.end(), lineEnd < 0 ? text.length() : lineEnd).isBlank()) {
                out.insert("\n", endTag.end());
            }
            return endTag.end();
        }

        private boolean lineIsBlankSoFar() {
            CharSequence written = out.text();
            for (int i = written.length() - 1; i >= 0 && written.charAt(i) != '\n'; i--) {
                if (!Character.isWhitespace(written.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private int longestBacktickRun(int from, int to) {
            int longest = 0;
            int run = 0;
            for (int i = from; i < to; i++) {
                run = text.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            return longest;
        }

        /** {@code post_url} and {@code link}: the URL with the baseurl, as Jekyll 4 writes it. */
        private int url(int open, int afterTag, Part arguments, Kind kind) {
            String key = arguments.text();
            if (kind == Kind.LINK) {
                key = key.replaceFirst("^/+", "");
            }
            String tag = kind == Kind.POST_URL ? "post_url" : "link";
            if (key.isEmpty() || key.contains("{{")) {
                error(open, "{% " + tag + " %} needs " + (kind == Kind.POST_URL ? "a post's file name" : "a file's path"),
                        kind == Kind.POST_URL ? "write e.g. {% post_url 2019-03-12-my-post %}" : "write e.g. {% link about.md %}");
                return afterTag;
            }
            String url = shared.ask(kind, key);
            if (url == null) {
                if (kind == Kind.POST_URL) {
                    error(open, "no post named '" + key + "' for {% post_url %}",
                            "post_url takes a post's file name without its extension: content/posts/2019-03-12-my-post.md is "
                                    + "{% post_url 2019-03-12-my-post %}");
                } else {
                    error(open, "no file content/" + key + " for {% link %}",
                            "link takes a path inside content/, e.g. {% link about.md %} or {% link _posts/2019-03-12-my-post.md %}");
                }
                return afterTag;
            }
            out.insert(relativeUrl(url), open);
            return afterTag;
        }

        /** {@code {% include name key="value" %}}: the file from templates/includes/, its Liquid expanded too. */
        private int include(int open, int afterTag, Part arguments) {
            String[] split = arguments.text().split("\\s+", 2);
            String name = split[0];
            if (name.isEmpty() || !INCLUDE_NAME.matcher(name).matches() || name.contains("..")) {
                error(open, name.isEmpty() ? "{% include %} needs a file name" : "include name '" + name + "' is not a file in "
                        + INCLUDES, "write e.g. {% include note.html %} for " + INCLUDES + "/note.html");
                return afterTag;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (split.length > 1) {
                int offset = arguments.offset() + arguments.text().indexOf(split[1], name.length());
                Matcher m = PARAMETER.matcher(split[1]);
                int position = 0;
                while (m.find() && split[1].substring(position, m.start()).isBlank()) {
                    Object value = operand(new Part(m.group(2), offset + m.start(2)));
                    if (value == null) {
                        return afterTag;
                    }
                    values.put(m.group(1), value);
                    position = m.end();
                }
                if (!split[1].substring(position).isBlank()) {
                    error(offset + position, "cannot read the include parameters '" + split[1].substring(position).strip() + "'",
                            "write them as key=\"value\" or key=page.title");
                    return afterTag;
                }
            }
            if (includes.contains(name)) {
                error(open, "include '" + name + "' includes itself: " + String.join(" → ", includes) + " → " + name,
                        "remove the include from one of them");
                return afterTag;
            }
            if (includes.size() >= MAX_INCLUDE_DEPTH) {
                error(open, "includes nest deeper than " + MAX_INCLUDE_DEPTH + ": " + String.join(" → ", includes) + " → " + name,
                        "include the innermost file's text directly");
                return afterTag;
            }
            String included = shared.ask(Kind.INCLUDE, name);
            if (included == null) {
                error(open, "no file " + INCLUDES + "/" + name + " for {% include %}",
                        "includes live in " + INCLUDES + "/; create the file there, or fix the name");
                return afterTag;
            }
            List<String> chain = new ArrayList<>(includes);
            chain.add(name);
            Run run = new Run(shared, Path.of(INCLUDES, name), included, 1, values, chain);
            run.process(0, included.length());
            out.insert(run.out.text().toString(), open);
            return afterTag;
        }

        // helpers

        /** Splits {@code text[start, end)} at {@code separator}s outside quotes. */
        private List<Part> split(int start, int end, char separator) {
            List<Part> parts = new ArrayList<>();
            int partStart = start;
            char quote = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == separator) {
                    parts.add(new Part(text.substring(partStart, i), partStart));
                    partStart = i + 1;
                }
            }
            parts.add(new Part(text.substring(partStart, end), partStart));
            return parts;
        }

        private static Part trimmed(Part part) {
            String s = part.text();
            int lead = 0;
            while (lead < s.length() && Character.isWhitespace(s.charAt(lead))) {
                lead++;
            }
            return new Part(s.strip(), part.offset() + lead);
        }

        private void error(int index, String message, String hint) {
            SourcePosition at = SourcePosition.at(file, text, index);
            shared.diagnostics().add(Diagnostic.error(new SourcePosition(file, at.line() + firstLine - 1, at.column()), message, hint));
        }
    }

    /** How Liquid prints a value: dates as Ruby prints a Time. */
    private static String show(Object value) {
        if (value instanceof OffsetDateTime date) {
            return strftime(date, "%Y-%m-%d %H:%M:%S %z");
        }
        return String.valueOf(value);
    }

    private static final String DIRECTIVES = "YymdeBbhAaHIMSpjz%";

    private static String unknownDirective(String format) {
        for (int i = format.indexOf('%'); i >= 0 && i + 1 < format.length(); i = format.indexOf('%', i + 2)) {
            int d = format.charAt(i + 1) == '-' && i + 2 < format.length() ? i + 2 : i + 1;
            if (DIRECTIVES.indexOf(format.charAt(d)) < 0) {
                return format.substring(i, d + 1);
            }
            i = d - 1;
        }
        return null;
    }

    /** The strftime directives blog templates use, in English as Jekyll prints them. */
    static String strftime(OffsetDateTime date, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            boolean unpadded = format.charAt(i + 1) == '-' && i + 2 < format.length();
            char d = format.charAt(unpadded ? i + 2 : i + 1);
            i += unpadded ? 2 : 1;
            switch (d) {
                case 'Y' -> out.append(date.getYear());
                case 'y' -> out.append(pad(date.getYear() % 100, unpadded));
                case 'm' -> out.append(pad(date.getMonthValue(), unpadded));
                case 'd' -> out.append(pad(date.getDayOfMonth(), unpadded));
                case 'e' -> out.append(unpadded ? Integer.toString(date.getDayOfMonth()) : String.format(Locale.ROOT, "%2d", date.getDayOfMonth()));
                case 'B' -> out.append(date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> out.append(date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'H' -> out.append(pad(date.getHour(), unpadded));
                case 'I' -> out.append(pad(date.getHour() % 12 == 0 ? 12 : date.getHour() % 12, unpadded));
                case 'M' -> out.append(pad(date.getMinute(), unpadded));
                case 'S' -> out.append(pad(date.getSecond(), unpadded));
                case 'p' -> out.append(date.getHour() < 12 ? "AM" : "PM");
                case 'j' -> out.append(unpadded ? Integer.toString(date.getDayOfYear()) : String.format(Locale.ROOT, "%03d", date.getDayOfYear()));
                case 'z' -> out.append(date.getOffset().getId().equals("Z") ? "+0000" : date.getOffset().getId().replace(":", ""));
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        return out.toString();
    }

    private static String pad(int value, boolean unpadded) {
        return unpadded ? Integer.toString(value) : String.format(Locale.ROOT, "%02d", value);
    }
}
