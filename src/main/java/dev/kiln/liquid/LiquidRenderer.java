package dev.kiln.liquid;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.liquid.Expression.Condition;
import dev.kiln.liquid.Expression.Filtered;
import dev.kiln.liquid.LiquidValues.Range;
import dev.kiln.liquid.LiquidValues.Unavailable;
import dev.kiln.liquid.SiteLookup.Kind;
import dev.kiln.liquid.SiteLookup.Lookup;
import dev.kiln.liquid.Template.Node;
import dev.kiln.text.EditedText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the Liquid a Jekyll post holds, before its Markdown is read, as Jekyll 4 does: on the whole
 * body, code included, except inside {@code {% raw %}}; tags, filters and variables as the README's
 * "Jekyll's Markdown dialect" lists them. What Kiln cannot run is an error at its position, never
 * text in the page. The result keeps, for every character, the place it came from, and records
 * every question asked of the rest of the site with its answer.
 */
public final class LiquidRenderer {
    /** Where {@code {% include name %}} finds its files, relative to the site root. */
    public static final String INCLUDES = "templates/includes";
    private static final int MAX_INCLUDE_DEPTH = 10;
    /** Loops and ranges beyond this many steps in one file stop with an error: a post cannot hang a build. */
    static final long MAX_STEPS = 1_000_000;
    private static final Pattern INCLUDE_NAME = Pattern.compile("[A-Za-z0-9_][\\w.\\-/]*");
    /** Variables Jekyll gives content that Kiln does not: reading one is an error rather than nothing printed. */
    private static final Map<String, String> NOT_GIVEN = Map.of(
            "paginator", "paginator exists only in Jekyll's paginated index pages; Kiln's home page paginates by itself",
            "layout", "layout holds the front matter of a Jekyll layout; Kiln's layouts are Mustache templates");
    /** Marks a variable no one defined, so that printing it in a post can be an error (a typo otherwise prints nothing). */
    private static final Object MISSING = new Object();

    /** Whether {@code body} may hold Liquid at all; most posts do not, and skip this step. */
    public static boolean mayHoldLiquid(String body) {
        for (int i = body.indexOf('{'); i >= 0 && i + 1 < body.length(); i = body.indexOf('{', i + 1)) {
            char next = body.charAt(i + 1);
            if (next == '{' || next == '%') {
                return true;
            }
        }
        return false; // one pass: posts are read once for this, not once per opener
    }

    /**
     * @param file the source, relative to the site root, for messages
     * @param bodyLine the line of the file on which {@code body} starts
     * @param page the {@code page} variable: the front matter with Jekyll's computed fields (url, date, …)
     */
    public LiquidResult render(Path file, String body, int bodyLine, Map<String, Object> page, SiteLookup site) {
        Shared shared = new Shared(file, page, site);
        Run run = new Run(shared, file, body, bodyLine, null, List.of(), null);
        run.run(Template.parse(body, run::report));
        return new LiquidResult(run.out.build(), List.copyOf(shared.diagnostics), List.copyOf(shared.lookups));
    }

    /** What all the files of one render share: Liquid's assigns and counters are global, across includes. */
    static final class Shared {
        final Path file;
        final Map<String, Object> page;
        final SiteLookup site;
        final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
        final Set<Lookup> lookups = new LinkedHashSet<>();
        final Map<String, Object> assigned = new HashMap<>();
        final Map<String, Long> counters = new HashMap<>();
        final Map<String, Integer> cycles = new HashMap<>();
        final Map<String, List<Node>> parsedIncludes = new HashMap<>();
        long steps;

        Shared(Path file, Map<String, Object> page, SiteLookup site) {
            this.file = file;
            this.page = page;
            this.site = site;
        }

        Object ask(Kind kind, String key) {
            Object value = LiquidValues.normal(site.resolve(kind, key));
            lookups.add(new Lookup(kind, key, value));
            return value;
        }

        void step(int count, int offset) {
            steps += count;
            if (steps > MAX_STEPS) {
                throw new LiquidException(offset, "Liquid loops ran more than " + MAX_STEPS + " steps in this file",
                        "loop over fewer items (limit: n)");
            }
        }
    }

    private enum Flow { NORMAL, BREAK, CONTINUE }

    /** One file being run: the post, or an included file. */
    static final class Run {
        final Shared shared;
        private final Path file;
        private final String text;
        private final int firstLine;
        /** The {@code include} variable: null in the post itself. */
        private final Map<String, Object> include;
        private final List<String> chain;
        /** Where the post includes the file this run is in (the outermost include): errors here name it. */
        private final SourcePosition usedAt;
        private EditedText.Builder out;
        private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
        private final Filters filters;

        Run(Shared shared, Path file, String text, int firstLine, Map<String, Object> include, List<String> chain,
            SourcePosition usedAt) {
            this.shared = shared;
            this.file = file;
            this.text = text;
            this.firstLine = firstLine;
            this.include = include;
            this.chain = chain;
            this.usedAt = usedAt;
            this.out = EditedText.from(text);
            this.filters = new Filters(this);
        }

        void run(List<Node> nodes) {
            render(nodes);
        }

        void report(LiquidException e) {
            shared.diagnostics.add(diagnostic(e.offset, e.getMessage(), e.hint));
        }

        Diagnostic diagnostic(int offset, String message, String hint) {
            SourcePosition at = SourcePosition.at(file, text, offset);
            SourcePosition position = new SourcePosition(file, at.line() + firstLine - 1, at.column());
            return usedAt == null ? Diagnostic.error(position, message, hint) : Diagnostic.error(position, message, hint).usedAt(usedAt);
        }

        /** Runs {@code body} with the variables of {@code scope} seen first. */
        <T> T withScope(Map<String, Object> scope, java.util.function.Supplier<T> body) {
            scopes.push(scope);
            try {
                return body.get();
            } finally {
                scopes.pop();
            }
        }

        private Flow render(List<Node> nodes) {
            for (Node node : nodes) {
                try {
                    Flow flow = render(node);
                    if (flow != Flow.NORMAL) {
                        return flow;
                    }
                } catch (LiquidException e) {
                    report(e);
                    if (e.getMessage().startsWith("Liquid loops ran")) {
                        throw e;
                    }
                }
            }
            return Flow.NORMAL;
        }

        private Flow render(Node node) {
            if (node instanceof Template.Text t) {
                out.copy(t.from(), t.to());
            } else if (node instanceof Template.Output o) {
                output(o);
            } else if (node instanceof Template.If i) {
                for (Template.Branch branch : i.branches()) {
                    if (test(branch.condition()) != branch.negated()) {
                        return render(branch.body());
                    }
                }
                return render(i.otherwise());
            } else if (node instanceof Template.Case c) {
                return caseOf(c);
            } else if (node instanceof Template.For f) {
                return loop(f);
            } else if (node instanceof Template.Jump j) {
                return j.isBreak() ? Flow.BREAK : Flow.CONTINUE;
            } else if (node instanceof Template.Assign a) {
                shared.assigned.put(a.name(), value(a.value()));
            } else if (node instanceof Template.Capture c) {
                shared.assigned.put(c.name(), captured(c.body()));
            } else if (node instanceof Template.Counter c) {
                long value = shared.counters.getOrDefault(c.name(), 0L);
                long next = c.increment() ? value + 1 : value - 1;
                shared.counters.put(c.name(), next);
                out.insert(Long.toString(c.increment() ? value : next), c.open());
            } else if (node instanceof Template.Cycle c) {
                String key = c.group() == null ? c.key() : LiquidValues.show(value(c.group()));
                int index = shared.cycles.getOrDefault(key, 0);
                shared.cycles.put(key, (index + 1) % c.values().size());
                out.insert(LiquidValues.show(value(c.values().get(index))), c.open());
            } else if (node instanceof Template.Highlight h) {
                highlight(h);
            } else if (node instanceof Template.UrlTag u) {
                url(u);
            } else if (node instanceof Template.Include i) {
                include(i);
            }
            return Flow.NORMAL;
        }

        /** {@code case}: every {@code when} that matches runs, as in Liquid; {@code else} when none does. */
        private Flow caseOf(Template.Case c) {
            Object subject = value(c.subject());
            boolean matched = false;
            for (Template.When when : c.whens()) {
                for (Expression value : when.values()) {
                    if (compare(c.open(), subject, "==", value(value))) {
                        matched = true;
                        Flow flow = render(when.body());
                        if (flow != Flow.NORMAL) {
                            return flow;
                        }
                        break;
                    }
                }
            }
            return matched ? Flow.NORMAL : render(c.otherwise());
        }

        private void output(Template.Output o) {
            Filtered filtered = o.value();
            Object value = filtered.filters().isEmpty() ? lookup(filtered.input()) : value(filtered);
            if (value == MISSING) {
                if (include == null && filtered.input() instanceof Expression.Variable v && strictVariables()) {
                    throw unknown(v);
                }
                value = null;
            }
            out.insert(LiquidValues.show(value), o.open());
        }

        /**
         * Whether printing an unset variable is an error, as Kiln has it, or prints nothing, as Jekyll does;
         * site.yml's {@code liquid: {strict_variables: false}} (Jekyll's own setting) asks for Jekyll's way.
         */
        private boolean strictVariables() {
            return !(site("liquid") instanceof Map<?, ?> liquid && Boolean.FALSE.equals(liquid.get("strict_variables")));
        }

        private LiquidException unknown(Expression.Variable v) {
            String hint = "set it in the front matter or site.yml, or write {{ " + v.text() + " | default: \"\" }} where it may be missing; "
                    + Template.AS_TEXT;
            if (v.root() != null && !v.root().equals("page") && !v.root().equals("site") && v.path().isEmpty()) {
                hint = "Liquid in a post sees page, site and what {% assign %} or {% capture %} set before it; " + Template.AS_TEXT;
            }
            return new LiquidException(v.offset(), "unknown Liquid variable '" + v.text() + "'", hint);
        }

        private String captured(List<Node> body) {
            EditedText.Builder saved = out;
            out = EditedText.from(text);
            try {
                render(body);
                return out.text().toString();
            } finally {
                out = saved;
            }
        }

        private Flow loop(Template.For f) {
            Object collection = value(f.collection());
            List<Object> items = LiquidValues.items(collection);
            int from = f.offset() == null ? 0 : (int) Math.max(0, integer(f.offset()));
            int to = f.limit() == null ? items.size() : (int) Math.min(items.size(), from + Math.max(0, integer(f.limit())));
            List<Object> segment = from >= items.size() || from >= to ? List.of() : new ArrayList<>(items.subList(from, to));
            if (f.reversed()) {
                java.util.Collections.reverse(segment);
            }
            if (segment.isEmpty()) {
                return render(f.otherwise());
            }
            Map<String, Object> scope = new HashMap<>();
            Object parent = variable("forloop");
            scopes.push(scope);
            try {
                int length = segment.size();
                for (int i = 0; i < length; i++) {
                    shared.step(1, f.open());
                    Map<String, Object> forloop = new LinkedHashMap<>();
                    forloop.put("name", f.variable() + "-" + f.collection());
                    forloop.put("length", (long) length);
                    forloop.put("index", (long) i + 1);
                    forloop.put("index0", (long) i);
                    forloop.put("rindex", (long) (length - i));
                    forloop.put("rindex0", (long) (length - i - 1));
                    forloop.put("first", i == 0);
                    forloop.put("last", i == length - 1);
                    forloop.put("parentloop", parent == MISSING ? null : parent);
                    scope.put("forloop", forloop);
                    scope.put(f.variable(), segment.get(i));
                    if (render(f.body()) == Flow.BREAK) {
                        break;
                    }
                }
            } finally {
                scopes.pop();
            }
            return Flow.NORMAL;
        }

        private long integer(Expression expression) {
            Object value = value(expression);
            Object number = Filters.number(value);
            if (!(number instanceof Number n)) {
                throw new LiquidException(expression.offset(), "expected a number, got " + LiquidValues.inspect(value),
                        "write a number, or a variable holding one");
            }
            return n.longValue();
        }

        // Values

        Object value(Filtered filtered) {
            Object value = value(filtered.input());
            for (Expression.Filter filter : filtered.filters()) {
                List<Object> arguments = new ArrayList<>();
                for (Expression argument : filter.arguments()) {
                    arguments.add(value(argument));
                }
                Map<String, Object> named = new LinkedHashMap<>();
                filter.named().forEach((k, v) -> named.put(k, value(v)));
                value = filters.apply(filter, value, arguments, named);
            }
            return value;
        }

        Object value(Expression expression) {
            Object value = lookup(expression);
            return value == MISSING ? null : value;
        }

        /** The value of {@code expression}, or {@link #MISSING} for a variable no one set. */
        private Object lookup(Expression expression) {
            if (expression instanceof Expression.Literal l) {
                return l.value();
            }
            if (expression instanceof Expression.RangeOf r) {
                long from = integer(r.from());
                long to = integer(r.to());
                if (to - from >= MAX_STEPS) {
                    throw new LiquidException(r.offset(), "range (" + from + ".." + to + ") is longer than " + MAX_STEPS,
                            "use a shorter range");
                }
                return new Range(from, to);
            }
            return variable((Expression.Variable) expression);
        }

        private Object variable(Expression.Variable v) {
            Object value;
            int start = 0;
            if (v.root() == null) {
                Object key = value((Expression) v.path().get(0));
                value = variable(LiquidValues.show(key));
                start = 1;
            } else if (v.root().equals("site") && !v.path().isEmpty() && v.path().get(0) instanceof String key) {
                value = site(key);
                start = 1;
            } else {
                value = variable(v.root());
            }
            for (int i = start; i < v.path().size(); i++) {
                unavailable(value, v);
                if (value == MISSING || value == null) {
                    return value;
                }
                Object segment = v.path().get(i);
                Object key = segment instanceof String s ? s : value((Expression) segment);
                value = member(value, key, segment instanceof String);
            }
            unavailable(value, v);
            return value;
        }

        private void unavailable(Object value, Expression.Variable v) {
            if (value instanceof Unavailable u) {
                throw new LiquidException(v.offset(), v.text() + ": " + u.reason(), u.hint());
            }
        }

        Object site(String key) {
            Object value = shared.ask(Kind.SITE_VARIABLE, key);
            return value == null ? MISSING : value;
        }

        /** A variable by name: loop variables, then assigns, then what Jekyll gives content. */
        Object variable(String name) {
            for (Map<String, Object> scope : scopes) {
                if (scope.containsKey(name)) {
                    return scope.get(name);
                }
            }
            if (shared.assigned.containsKey(name)) {
                return shared.assigned.get(name);
            }
            if (NOT_GIVEN.containsKey(name)) {
                return new Unavailable("Kiln does not give this variable", NOT_GIVEN.get(name));
            }
            return switch (name) {
                case "page" -> shared.page;
                case "site" -> new SiteView(this);
                case "include" -> include == null ? MISSING : include;
                case "jekyll" -> Map.of("version", "4.3.1", "environment", "production");
                case "empty", "blank" -> name.equals("empty") ? "" : MISSING;
                default -> MISSING;
            };
        }

        /** {@code value.key} or {@code value[key]}, as Liquid reads them. */
        Object member(Object value, Object key, boolean dotted) {
            if (value instanceof SiteView) {
                return site(LiquidValues.show(key));
            }
            if (value instanceof Map<?, ?> map) {
                String name = LiquidValues.show(key);
                if (map == shared.page && !map.containsKey(name) && (name.equals("next") || name.equals("previous"))) {
                    Object neighbours = shared.ask(Kind.NEIGHBOURS, shared.file.toString().replace('\\', '/'));
                    return neighbours instanceof Map<?, ?> n ? LiquidValues.normal(n.get(name)) : null;
                }
                if (map.containsKey(name)) {
                    return LiquidValues.normal(map.get(name));
                }
                if (dotted && name.equals("size")) {
                    return (long) map.size();
                }
                if (dotted && name.equals("first")) {
                    return map.isEmpty() ? null : java.util.Arrays.asList(map.keySet().iterator().next(), map.values().iterator().next());
                }
                return MISSING;
            }
            if (value instanceof Collection<?> || value instanceof Range) {
                List<Object> list = LiquidValues.items(value);
                if (key instanceof Number n) {
                    int index = (int) n.longValue();
                    index = index < 0 ? list.size() + index : index;
                    return index >= 0 && index < list.size() ? LiquidValues.normal(list.get(index)) : null;
                }
                return switch (LiquidValues.show(key)) {
                    case "size" -> (long) list.size();
                    case "first" -> list.isEmpty() ? null : LiquidValues.normal(list.get(0));
                    case "last" -> list.isEmpty() ? null : LiquidValues.normal(list.get(list.size() - 1));
                    default -> null;
                };
            }
            if (value instanceof String s && dotted && "size".equals(key)) {
                return (long) s.length();
            }
            return null;
        }

        boolean test(Condition condition) {
            if (condition instanceof Expression.Test t) {
                return LiquidValues.truthy(value(t.value()));
            }
            if (condition instanceof Expression.Comparison c) {
                return compare(c.offset(), special(c.left()), c.operator(), special(c.right()));
            }
            Expression.Logic l = (Expression.Logic) condition;
            return l.operator().equals("and") ? test(l.left()) && test(l.right()) : test(l.left()) || test(l.right());
        }

        /** {@code empty} and {@code blank} stand for themselves in comparisons. */
        private Object special(Expression e) {
            if (e instanceof Expression.Variable v && v.path().isEmpty() && ("empty".equals(v.root()) || "blank".equals(v.root()))
                    && variable(v.root()) != null && !shared.assigned.containsKey(v.root())) {
                return v.root().equals("empty") ? Special.EMPTY : Special.BLANK;
            }
            return value(e);
        }

        private enum Special { EMPTY, BLANK }

        boolean compare(int offset, Object left, String operator, Object right) {
            if (left instanceof Special || right instanceof Special) {
                Object other = left instanceof Special ? right : left;
                Special special = (Special) (left instanceof Special ? left : right);
                boolean is = special == Special.EMPTY ? LiquidValues.isEmpty(other) : LiquidValues.isBlank(other);
                return switch (operator) {
                    case "==" -> is;
                    case "!=", "<>" -> !is;
                    default -> false;
                };
            }
            left = LiquidValues.normal(left);
            right = LiquidValues.normal(right);
            switch (operator) {
                case "==":
                    return LiquidValues.equal(left, right);
                case "!=":
                case "<>":
                    return !LiquidValues.equal(left, right);
                case "contains":
                    if (left instanceof String s) {
                        return right != null && s.contains(LiquidValues.show(right));
                    }
                    if (left instanceof Collection<?> c) {
                        Object item = right;
                        return c.stream().anyMatch(each -> LiquidValues.equal(each, item));
                    }
                    if (left instanceof Map<?, ?> m) {
                        return m.containsKey(LiquidValues.show(right));
                    }
                    return false;
                default:
                    break;
            }
            if (left == null || right == null || left instanceof Boolean || right instanceof Boolean
                    || left instanceof Map || right instanceof Map) {
                return false;
            }
            int order;
            if (left instanceof Number a && right instanceof Number b) {
                order = Double.compare(a.doubleValue(), b.doubleValue());
            } else if (left instanceof String a && right instanceof String b) {
                order = a.compareTo(b);
            } else if (left instanceof java.time.OffsetDateTime a && right instanceof java.time.OffsetDateTime b) {
                order = a.compareTo(b);
            } else {
                throw new LiquidException(offset, "cannot compare " + LiquidValues.inspect(left) + " (" + LiquidValues.typeName(left)
                        + ") with " + LiquidValues.inspect(right) + " (" + LiquidValues.typeName(right) + ")",
                        "compare numbers with numbers and text with text: | plus: 0 makes a number of text");
            }
            return switch (operator) {
                case "<" -> order < 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                default -> order >= 0;
            };
        }

        // Kiln's Jekyll tags

        /**
         * {@code {% highlight lang [linenos] %}…{% endhighlight %}} becomes a fenced code block with the code as it is; without
         * linenos it says nolinenos, as Jekyll's tag numbers no lines even when kramdown numbers those of every code block.
         */
        private void highlight(Template.Highlight h) {
            String fence = "`".repeat(Math.max(3, longestBacktickRun(h.codeStart(), h.codeEnd()) + 1));
            if (!lineIsBlankSoFar()) {
                out.insert("\n", h.open());
            }
            out.insert(fence + h.language() + (h.lineNumbers() ? " linenos" : " nolinenos") + "\n", h.open());
            int codeStart = out.text().length();
            render(h.body());
            // Jekyll strips the code as rendered, so an include's last newline (include_relative of a sample) adds no blank line
            out.trimEnd(codeStart);
            out.insert(out.text().length() > codeStart ? "\n" + fence : fence, h.endStart());
            int lineEnd = text.indexOf('\n', h.endEnd());
            if (!text.substring(h.endEnd(), lineEnd < 0 ? text.length() : lineEnd).isBlank()) {
                out.insert("\n", h.endEnd());
            }
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
        private void url(Template.UrlTag u) {
            Object url = shared.ask(u.kind(), u.key());
            if (url == null) {
                if (u.kind() == Kind.POST_URL) {
                    throw new LiquidException(u.open(), "no post named '" + u.key() + "' for {% post_url %}",
                            "post_url takes a post's file name without its extension: content/posts/2019-03-12-my-post.md is "
                                    + "{% post_url 2019-03-12-my-post %}");
                }
                throw new LiquidException(u.open(), "no file content/" + u.key() + " for {% link %}",
                        "link takes a path inside content/, e.g. {% link about.md %} or {% link _posts/2019-03-12-my-post.md %}");
            }
            out.insert(relativeUrl(LiquidValues.show(url)), u.open());
        }

        String relativeUrl(String url) {
            if (url.contains("://") || url.startsWith("//")) {
                return url;
            }
            Object baseurl = shared.ask(Kind.SITE_VARIABLE, "baseurl");
            String base = baseurl == null ? "" : LiquidValues.show(baseurl).replaceAll("/+$", "");
            return base + (url.startsWith("/") ? url : "/" + url);
        }

        /** {@code {% include name key="value" %}}: the file from templates/includes/, its Liquid run too, with {@code include.key}. */
        private void include(Template.Include i) {
            String name = i.name() != null ? i.name() : LiquidValues.show(value(i.dynamicName()));
            String where = i.relative() ? "next to " + file : "in " + INCLUDES;
            if (!INCLUDE_NAME.matcher(name).matches() || name.contains("..")) {
                throw new LiquidException(i.open(), "include name '" + name + "' is not a file " + where,
                        i.relative() ? "write e.g. {% include_relative notes.md %} for a file beside this one"
                                : "write e.g. {% include note.html %} for " + INCLUDES + "/note.html");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Template.Parameter p : i.parameters()) {
                values.put(p.name(), value(p.value()));
            }
            String key = i.relative() ? relativeTo(name) : name;
            if (chain.contains(key)) {
                throw new LiquidException(i.open(), "include '" + name + "' includes itself: " + String.join(" → ", chain) + " → " + name,
                        "remove the include from one of them");
            }
            if (chain.size() >= MAX_INCLUDE_DEPTH) {
                throw new LiquidException(i.open(), "includes nest deeper than " + MAX_INCLUDE_DEPTH + ": " + String.join(" → ", chain)
                        + " → " + name, "include the innermost file's text directly");
            }
            Object included = shared.ask(i.relative() ? Kind.INCLUDE_RELATIVE : Kind.INCLUDE, key);
            if (included == null) {
                if (i.relative()) {
                    throw new LiquidException(i.open(), "no file " + key + " for {% include_relative %}",
                            "include_relative takes a path relative to this file's folder, inside content/");
                }
                throw new LiquidException(i.open(), "no file " + INCLUDES + "/" + name + " for {% include %}",
                        "includes live in " + INCLUDES + "/; create the file there, or fix the name");
            }
            String includedText = LiquidValues.show(included);
            Path path = i.relative() ? Path.of(key) : Path.of(INCLUDES, name);
            List<String> nextChain = new ArrayList<>(chain);
            nextChain.add(key);
            SourcePosition use = usedAt != null ? usedAt : diagnostic(i.open(), "", null).position();
            Run run = new Run(shared, path, includedText, 1, values, nextChain, use);
            List<Node> nodes = shared.parsedIncludes.get(path + "\n" + includedText);
            if (nodes == null) {
                nodes = Template.parse(includedText, run::report);
                shared.parsedIncludes.put(path + "\n" + includedText, nodes);
            }
            run.scopes.addAll(scopes);
            run.run(nodes);
            out.insert(run.out.text().toString(), i.open());
        }

        /** {@code name} relative to the folder of the file being run, as a path from the site root. */
        private String relativeTo(String name) {
            Path folder = file.getParent();
            Path resolved = (folder == null ? Path.of(name) : folder.resolve(name)).normalize();
            return resolved.toString().replace('\\', '/');
        }
    }

    /** {@code site}, read key by key so that each key asked is recorded. */
    record SiteView(Run run) {}
}
