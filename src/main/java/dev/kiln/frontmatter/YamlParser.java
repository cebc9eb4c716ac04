package dev.kiln.frontmatter;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/** Parses one YAML mapping (front matter or site.yml) safely; the only SnakeYAML user with FrontMatterParser. */
public final class YamlParser {
    /** A {@code key: value} line whose value starts with a sign YAML gives a meaning to. */
    private static final java.util.regex.Pattern UNQUOTED_SIGN = java.util.regex.Pattern.compile("^\\s*([^\\s#:][^:]*):\\s+([\\[{\"'*&!|>%@`])");
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    /**
     * Parses {@code yaml}, whose first line is line {@code firstLine} of {@code file}. Returns empty
     * after reporting into {@code diagnostics} when the text is not a valid YAML mapping.
     */
    public Optional<YamlDocument> parse(Path file, String yaml, int firstLine, Diagnostics diagnostics) {
        return load(file, yaml, firstLine, diagnostics, false).map(YamlDocument.class::cast);
    }

    /**
     * Parses a data file ({@code content/_data/x.yml}, or JSON, which is YAML too): any value, a list
     * as well as a mapping; null for an empty file. Empty after reporting when it is not valid.
     */
    public Optional<Object> parseData(Path file, String yaml, Diagnostics diagnostics) {
        if (yaml.isBlank()) {
            return Optional.of(new LinkedHashMap<String, Object>());
        }
        return load(file, yaml, 1, diagnostics, true).map(v -> v instanceof YamlDocument doc ? doc.values() : v);
    }

    private Optional<Object> load(Path file, String text, int firstLine, Diagnostics diagnostics, boolean anyValue) {
        String yaml = withoutTabSeparators(text);
        if (yaml.isBlank()) {
            return Optional.of(YamlDocument.empty(file));
        }
        LoaderOptions options = loaderOptions();
        NodeConstructor constructor = constructor(options);
        Node root = null;
        try {
            // One parse: the node tree gives positions, then the same tree is turned into values.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(yaml)), options),
                    new NoTimestampResolver(), options);
            constructor.setComposer(composer);
            root = composer.getSingleNode();
            if (root == null) {
                return Optional.of(YamlDocument.empty(file));
            }
            Map<String, SourcePosition> positions = new LinkedHashMap<>();
            Map<String, java.util.List<SourcePosition>> itemPositions = new LinkedHashMap<>();
            keyPositions(root, file, yaml, firstLine, positions, itemPositions);
            Object value = constructor.construct(root);
            if (value == null) {
                return Optional.of(YamlDocument.empty(file));
            }
            if (anyValue && !(value instanceof Map<?, ?>)) {
                return Optional.of(value);
            }
            if (!(value instanceof Map<?, ?> map)) {
                diagnostics.error(position(file, yaml, firstLine, root.getStartMark()),
                        label(file) + ": expected key: value pairs, found " + describe(value),
                        "write each setting on its own line as `key: value`");
                return Optional.empty();
            }
            return Optional.of(document(file, map, positions, itemPositions));
        } catch (DuplicateKeyException e) {
            diagnostics.error(position(file, yaml, firstLine, e.getProblemMark()),
                    label(file) + ": duplicate key " + duplicateKeyName(e),
                    "keep one of them; YAML keeps only the last and the other is lost");
        } catch (MarkedYAMLException e) {
            reportSyntaxError(file, firstLine, yaml, e, diagnostics);
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) come without a mark: point at the first line of the YAML.
            diagnostics.error(new SourcePosition(file, firstLine, 1), label(file) + ": " + limitMessage(e.getMessage()),
                    "simplify it: anchors/aliases and nesting are limited to keep builds safe");
        } catch (RuntimeException e) {
            // A value SnakeYAML cannot construct, such as !!binary that is not base64 or !!float abc.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            diagnostics.error(position(file, yaml, firstLine, firstExplicitTag(root, yaml)), label(file) + ": cannot read a value: " + cause.getMessage(),
                    "remove explicit tags such as !!binary; Kiln reads text, numbers, lists and maps");
        } catch (StackOverflowError e) {
            diagnostics.error(new SourcePosition(file, firstLine, 1), label(file) + ": nested too deeply",
                    "flatten the structure");
        }
        return Optional.empty();
    }

    /** What new Yaml(…).compose does, without the Yaml object: it would load the dumper's classes too. */
    private static NodeConstructor constructor(LoaderOptions options) {
        NodeConstructor constructor = new NodeConstructor(options);
        constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
        constructor.setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
        constructor.setWrappedToRootException(options.isWrappedToRootException());
        return constructor;
    }

    private static YamlDocument document(Path file, Map<?, ?> map, Map<String, SourcePosition> positions,
                                         Map<String, java.util.List<SourcePosition>> itemPositions) {
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return new YamlDocument(file, values, positions, itemPositions);
    }

    /** Where each top-level key's value starts, and each item of a top-level list. */
    private static void keyPositions(Node root, Path file, String yaml, int firstLine, Map<String, SourcePosition> positions,
                                     Map<String, java.util.List<SourcePosition>> itemPositions) {
        if (root instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    positions.put(key.getValue(), position(file, yaml, firstLine, tuple.getValueNode().getStartMark()));
                    if (tuple.getValueNode() instanceof SequenceNode list) {
                        itemPositions.put(key.getValue(), list.getValue().stream()
                                .map(item -> position(file, yaml, firstLine, item.getStartMark())).toList());
                    }
                }
            }
        }
    }

    /**
     * YAML 1.2 (and Jekyll's Psych) allows a tab between {@code key:} and its value; SnakeYAML, a YAML
     * 1.1 parser, refuses it. Each such tab becomes one space, so every position stays where it was.
     * The scanner says where it found a tab it refuses, which is never inside text or a block scalar.
     */
    private static String withoutTabSeparators(String yaml) {
        if (yaml.indexOf('\t') < 0) {
            return yaml;
        }
        String text = yaml;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int at;
            try {
                new Yaml(loaderOptions()).parse(new java.io.StringReader(text)).forEach(event -> { });
                return text;
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark();
                if (mark == null || e.getProblem() == null || !e.getProblem().contains("\\t(TAB)")) {
                    return text;
                }
                at = text.offsetByCodePoints(0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
            } catch (YAMLException e) {
                return text;
            }
            int before = at;
            while (before > 0 && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == '\t')) {
                before--;
            }
            if (at >= text.length() || text.charAt(at) != '\t' || before == 0 || text.charAt(before - 1) != ':') {
                return text;
            }
            int end = at;
            StringBuilder spaces = new StringBuilder(text.substring(0, before));
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            spaces.append(" ".repeat(end - before));
            text = spaces + text.substring(end);
        }
        return text;
    }

    /** Where the first value with an explicit tag ({@code !!float five}) starts: the likely one that failed. */
    private static Mark firstExplicitTag(Node root, String yaml) {
        try {
            java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
            java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            todo.add(root);
            while (!todo.isEmpty()) {
                Node node = todo.removeFirst();
                if (node == null || !seen.add(node)) {
                    continue;
                }
                int at = yaml.offsetByCodePoints(0, Math.min(node.getStartMark().getIndex(), yaml.codePointCount(0, yaml.length())));
                if (node instanceof ScalarNode && yaml.startsWith("!", at)) {
                    return node.getStartMark();
                }
                if (node instanceof MappingNode map) {
                    map.getValue().forEach(t -> {
                        todo.add(t.getKeyNode());
                        todo.add(t.getValueNode());
                    });
                } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode list) {
                    todo.addAll(list.getValue());
                }
            }
        } catch (RuntimeException e) {
            // no better place than the start
        }
        return null;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** SnakeYAML's safe constructor, opened up to build values from a node tree already composed. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }

    /**
     * Where a mark is, counted as Kiln counts lines: SnakeYAML also ends a line at U+0085, U+2028 and
     * U+2029, which would put a position past the file's last line; its code point index does not lie.
     */
    private static SourcePosition position(Path file, String yaml, int firstLine, Mark mark) {
        if (mark == null) {
            return new SourcePosition(file, firstLine, 1);
        }
        int index = yaml.offsetByCodePoints(0, Math.min(mark.getIndex(), yaml.codePointCount(0, yaml.length())));
        SourcePosition at = SourcePosition.at(file, yaml, index);
        return new SourcePosition(file, firstLine + at.line() - 1, at.column());
    }

    /** SnakeYAML's limit messages, in the author's terms. */
    private static String limitMessage(String message) {
        String text = String.valueOf(message);
        if (text.contains("Number of aliases")) {
            return "more than 50 aliases (*name) of lists or maps";
        }
        if (text.contains("Nesting Depth")) {
            return "nested more than 50 levels deep";
        }
        if (text.contains("exceeds the limit")) {
            return "longer than " + MAX_CODE_POINTS / (1024 * 1024) + " MB";
        }
        return text;
    }

    private static String label(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") ? "front matter" : "YAML";
    }

    private static String describe(Object value) {
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        return "a single value '" + value + "'";
    }

    private static String duplicateKeyName(DuplicateKeyException e) {
        String problem = e.getProblem();
        int key = problem.indexOf("key ");
        return key < 0 ? "" : "'" + problem.substring(key + 4).trim() + "'";
    }

    /**
     * A construct left open ({@code [a, b}, an unclosed quote) is only noticed at the end of the
     * text; the useful place to point at is where it started, so that is what gets reported.
     */
    private static void reportSyntaxError(Path file, int firstLine, String yaml, MarkedYAMLException e, Diagnostics diagnostics) {
        int lines = (int) yaml.stripTrailing().lines().count();
        String context = e.getContext() == null ? "" : e.getContext();
        String problem = e.getProblem() == null ? String.valueOf(e.getMessage()) : e.getProblem();
        problem = problem.replaceAll("\\s+", " ").trim();
        boolean flow = context.contains("flow sequence") || context.contains("flow mapping");
        boolean unclosed = problem.contains("<stream end>") || problem.contains("end of stream")
                || problem.contains("<document end>") || problem.contains("document separator")
                // [ or { still open when a later line starts: `title: [Draft] x` is the usual cause.
                || (flow && e.getContextMark() != null && e.getProblemMark() != null
                        && e.getProblemMark().getLine() > e.getContextMark().getLine());
        if (unclosed && e.getContextMark() != null) {
            String what = context.contains("flow sequence") ? "the [ list"
                    : context.contains("flow mapping") ? "the { map"
                    : context.contains("quoted scalar") ? "the quoted text" : "this value";
            String close = context.contains("flow sequence") ? "close it with ], e.g. tags: [a, b]; if the value is text,"
                    + " quote it: title: \"[Draft] My post\""
                    : context.contains("flow mapping") ? "close it with }; if the value is text, quote it"
                    : context.contains("quoted scalar") ? "end the text with the same quote it starts with"
                    : "finish the value";
            diagnostics.error(insideText(file, yaml, firstLine, lines, e.getContextMark()), label(file) + ": " + what + " is never closed", close);
            return;
        }
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark != null && problem.startsWith("expected <block end>")) {
            // `title: [Draft] My post`: text starting with a YAML sign, read as the start of something else.
            String line = yaml.lines().skip(mark.getLine()).findFirst().orElse("");
            java.util.regex.Matcher value = UNQUOTED_SIGN.matcher(line);
            if (value.find()) {
                diagnostics.error(new SourcePosition(file, firstLine + mark.getLine(), value.start(2) + 1),
                        label(file) + ": the value of '" + value.group(1).strip() + "' starts with " + value.group(2)
                                + ", which YAML reads as syntax, not text",
                        "quote the whole value: " + value.group(1).strip() + ": \"" + line.substring(value.start(2)).strip()
                                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                return;
            }
        }
        if (context.contains("simple key") && e.getContextMark() != null) {
            mark = e.getContextMark(); // the key missing its ':' is the line to fix, not where the scanner gave up
        }
        if ((context.contains("scanning an alias") || context.contains("scanning an anchor")) && e.getContextMark() != null) {
            mark = e.getContextMark(); // the * or & that starts the value
        }
        SourcePosition position = insideText(file, yaml, firstLine, lines, mark);
        String line = mark == null ? "" : yaml.lines().skip(mark.getLine()).findFirst().orElse("");
        String[] words = inKilnsWords(problem, context, line, mark == null ? 0 : mark.getColumn());
        if (words != null) {
            diagnostics.error(position, label(file) + ": " + words[0], words[1]);
            return;
        }
        String message = context.isBlank() ? problem : problem + " (" + context.replaceAll("\\s+", " ").trim() + ")";
        diagnostics.error(position, label(file) + ": " + message, hint(context + " " + problem));
    }

    private static final java.util.regex.Pattern CANNOT_START = java.util.regex.Pattern.compile("found character '(.+?)' that cannot start any token");
    private static final java.util.regex.Pattern UNKNOWN_ESCAPE = java.util.regex.Pattern.compile("found unknown escape character (.+?)\\(\\d+\\)");
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?([^\\s#:][^:]*?):(?:\\s|$)");

    /**
     * The parser's common complaints as an author would put them: what is wrong on the line, and the
     * fix; {message, hint}, or null to keep SnakeYAML's text. {@code column} is the 0-based problem column.
     */
    private static String[] inKilnsWords(String problem, String context, String line, int column) {
        java.util.regex.Matcher key = KEY.matcher(line);
        String name = key.find() ? key.group(1).strip() : null;
        String value = name == null ? line.strip() : line.substring(key.end()).strip();
        java.util.regex.Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.find()) {
            String sign = cannotStart.group(1);
            if (sign.equals("\\t(TAB)")) {
                boolean indenting = line.substring(0, Math.min(column, line.length())).isBlank();
                return indenting
                        ? new String[] {"this line is indented with a tab; YAML indents with spaces only", "replace the tab with spaces"}
                        : new String[] {"a tab where YAML allows only spaces", "replace the tab with a space"};
            }
            return name == null
                    ? new String[] {"a value cannot start with " + sign + ", which YAML reserves", "quote the value: \"" + escape(value) + "\""}
                    : new String[] {"the value of '" + name + "' starts with " + sign + ", which YAML reserves",
                            "quote the whole value: " + name + ": \"" + escape(value) + "\""};
        }
        java.util.regex.Matcher escape = UNKNOWN_ESCAPE.matcher(problem);
        if (escape.find()) {
            return new String[] {"\\" + escape.group(1) + " is not an escape YAML knows in double-quoted text",
                    "write \\\\ for a backslash, or put the value in single quotes, which keep backslashes as they are"};
        }
        if (context.contains("scanning an alias") || context.contains("scanning an anchor")) {
            String sign = context.contains("alias") ? "*" : "&";
            return new String[] {"the value" + (name == null ? "" : " of '" + name + "'") + " starts with " + sign
                    + ", which YAML reads as " + (sign.equals("*") ? "an alias" : "an anchor"),
                    "quote the whole value: " + (name == null ? "title" : name) + ": \"" + escape(value) + "\""};
        }
        if (problem.startsWith("found undefined alias ")) {
            String alias = problem.substring("found undefined alias ".length()).strip();
            return new String[] {"*" + alias + " refers to an anchor &" + alias + " that is not defined above it",
                    "quote a value that starts with *, e.g. " + (name == null ? "title" : name) + ": \"" + escape(value) + "\""};
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            if (name != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && column <= key.end()) {
                return new String[] {"'" + name + "' is indented, but the key above it holds text, not a map",
                        "line up keys at the same indentation"};
            }
            return new String[] {"the value" + (name == null ? "" : " of '" + name + "'") + " holds ': ', which YAML reads as a key",
                    "quote the whole value: " + (name == null ? "title" : name) + ": \"" + escape(value) + "\""};
        }
        if (problem.startsWith("could not find expected ':'")) {
            return new String[] {"'" + line.strip() + "' is not a key: value pair",
                    "put ': ' after the key, e.g. " + line.strip().split("\\s+")[0] + ": …"};
        }
        if (problem.startsWith("expected <block end>, but found '-'")) {
            return new String[] {"a list item where a key was expected",
                    "put the list under a key: a line 'tags:', then each item indented below it as '  - a'"};
        }
        if (problem.startsWith("expected <block end>") || problem.startsWith("did not find expected key")) {
            return new String[] {"this line does not line up with the keys above it", "line up keys at the same indentation"};
        }
        return null;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A mark at the very end of the text (the scanner gave up there) is shown on the last line, not past the file's end. */
    private static SourcePosition insideText(Path file, String yaml, int firstLine, int lines, Mark mark) {
        if (mark != null && mark.getLine() >= Math.max(1, lines)) {
            return new SourcePosition(file, firstLine + Math.max(1, lines) - 1, 1);
        }
        return position(file, yaml, firstLine, mark);
    }

    private static String hint(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("mapping values are not allowed")) {
            return "quote values that contain ': ', e.g. title: \"Java: the good parts\"";
        }
        if (lower.contains("tab")) {
            return "indent with spaces, not tabs";
        }
        if (lower.contains("alias") || lower.contains("anchor")) {
            return "quote a value that starts with * or &, e.g. title: \"*Important*\"";
        }
        if (lower.contains("block mapping") || lower.contains("indent")) {
            return "line up keys at the same indentation, and put a space after each ':'";
        }
        return "check the YAML at this position; quote values that hold special characters";
    }
}
