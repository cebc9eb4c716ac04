package dev.kiln.markdown;

import dev.kiln.text.EditedText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kramdown block syntax that CommonMark reads differently, handled on the text before flexmark
 * parses it, in one pass over the lines (fenced code is skipped):
 * <ul>
 * <li>HTML blocks run to their closing tag, as kramdown reads them: blank lines and indented lines inside
 * a {@code <table>} stay HTML. Each becomes one placeholder line, replaced by the HTML after parsing
 * ({@link RawBlock}); what follows the closing tag on its line starts a new block.
 * <li>{@code markdown="1"}, {@code "block"}, {@code "span"} and {@code "0"} (and the option
 * {@code parse_block_html}): the tags become placeholders and what is between them is Markdown.
 * <li>Display math, {@code $$…$$} standing alone between blank lines, kept as TeX for MathJax or KaTeX.
 * <li>kramdown's end-of-block marker, a line of only {@code ^}: a placeholder that ends the blocks open there.
 * <li>A list's items at the line's start, however far each was indented ({@link ListIndentation}).
 * <li>The lines right after an indented code block, which kramdown reads as more of the code; those after a quote's
 * line, up to a blank line, which are the quote's; {@code #} alone, {@code ***} after text and an underline under two
 * lines of text, which are text.
 * <li>Attribute list definitions ({@code {:name: .class #id}}), collected and removed; the extensions
 * {@code {::comment}}, {@code {::nomarkdown}} and {@code {::options … /}}.
 * <li>A rule written with hundreds of characters is shortened: flexmark's pattern for it recurses per
 * character and overflowed the stack at about 2,000.
 * </ul>
 * The result maps every position back to the text as written.
 */
final class KramdownPreprocessor {
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern DEFINITION = Pattern.compile(" {0,3}\\{:([A-Za-z_][\\w-]*):(.*)\\}\\s*");
    /** kramdown's IAL_BLOCK_START: a line holding only an attribute list (not an extension's tag). */
    private static final Pattern BLOCK_LIST = Pattern.compile(" {0,3}\\{:(?![:/])((?:\\\\}|[^}])+)\\}\\s*");
    private static final Pattern EMPTY_ABBREVIATION = Pattern.compile("(\\*\\[[^\\]]+\\]:)\\s*");
    /** The title of an abbreviation defined as nothing, left out when it is rendered (LinkAttributeProvider). */
    static final String NO_TITLE = "\uE002";
    private static final Pattern OPTIONS = Pattern.compile("\\{::options\\b([^}]*)/\\}");
    private static final Pattern OPTION = Pattern.compile("([a-z_]+)=(\"[^\"]*\"|'[^']*')");
    /** kramdown's EXT_BLOCK_STOP_STR for a comment: its stop tag alone on a line. */
    private static final Pattern BLOCK_COMMENT_END = Pattern.compile("(?m)^ {0,3}\\{:/(comment)?\\}[ \\t]*$");
    /** A comment or raw text without content, {@code {::comment … /}}: nothing, as kramdown writes it. */
    private static final Pattern EMPTY_EXTENSION = Pattern.compile(" {0,3}\\{::(?:comment|nomarkdown)(?:\\s(?:\\\\}|[^}])*?)?/\\}\\s*");
    /** The start of kramdown's footnote definition, {@code [^name]:}. */
    private static final Pattern FOOTNOTE = Pattern.compile(" {0,3}\\[\\^\\w[\\w-]*\\]:");
    /** A line after which a new block starts, not a paragraph's next line: a heading, a rule or a setext underline. */
    private static final Pattern HEADING_OR_RULE = Pattern.compile(" {0,3}(?:#{1,6}(?:[ \\t].*)?|(?:[-=*_][ \\t]*)+)");
    /** The excerpt's end, {@code <!--more-->}: a block of its own wherever it is (MarkdownRenderer looks for it there). */
    private static final Pattern MORE = Pattern.compile(" {0,3}<!--\\s*more\\s*-->");
    /** A setext heading's underline, as flexmark reads one. */
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile(" {0,3}(?:=+|-+)[ \\t]*");
    /** A line of blanks, inside a text: where a paragraph ends. */
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");
    private static final Pattern NOMARKDOWN_END = Pattern.compile("\\{:/(nomarkdown)?\\}");

    /** kramdown's span elements: at a line's start they begin a paragraph, not an HTML block. */
    private static final Set<String> SPAN_ELEMENTS = Set.of("a", "abbr", "acronym", "b", "big", "bdo", "br", "button",
            "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb",
            "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var");
    /** Elements whose content kramdown parses as a paragraph's text when asked to parse it. */
    private static final Set<String> SPAN_CONTENT = Set.of("a", "abbr", "acronym", "b", "bdo", "big", "button", "cite",
            "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend",
            "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
            "th", "tt");
    /** Elements whose content kramdown parses as blocks when asked to; all others stay raw HTML. */
    private static final Set<String> BLOCK_CONTENT = Set.of("address", "applet", "article", "aside", "blockquote", "body",
            "dd", "details", "div", "dl", "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup",
            "iframe", "li", "main", "map", "menu", "nav", "noscript", "object", "section", "summary", "td");
    static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "command", "embed", "hr", "img",
            "input", "keygen", "link", "meta", "param", "source", "track", "wbr");
    /** Where the rest of an element is text up to its closing tag, never tags. */
    static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style", "textarea", "title");
    /** Runs of rule characters longer than this are shortened (or refused when they are not a rule). */
    static final int LONGEST_RULE = 256;

    /**
     * The raw HTML elements around an element read as Markdown inside them, how many elements were being read as Markdown
     * once it opened (its depth), and the indentation their placeholders are written with.
     */
    private record RawParents(RawHtmlStretch.OpenElements elements, int depth, int indent) {}

    /** The options a post can set with {@code {::options … /}} that Kiln honours, as written. */
    record Options(Map<String, String> values) {
        boolean flag(String name, boolean otherwise) {
            String value = values.get(name);
            return value == null ? otherwise : value.equals("true");
        }

        String text(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        int number(String name, int otherwise) {
            try {
                return Integer.parseInt(values.getOrDefault(name, "").strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }

    /**
     * The text to parse, the attribute list definitions found by name, the HTML and math that
     * placeholders stand for (by the placeholder's offset in the text), the options set, where in the text the
     * content of HTML elements read as Markdown is ({@code [start, end)}: kramdown gives headings there other ids), what
     * the rewriter does to tables in kramdown's syntax at offsets of the text ({@link KramdownTable.Mark}), and the offset in
     * the text as written of a problem that keeps it from being rendered (-1 when there is none).
     */
    record Result(EditedText text, Map<String, String> definitions, Map<Integer, RawBlock> raw, Options options,
                  List<int[]> insideHtml, Map<Integer, KramdownTable.Mark> tableMarks, int problemAt, String problem,
                  String hint) {
        static Result unchanged(String markdown, Map<String, String> siteOptions) {
            return new Result(EditedText.unchanged(markdown), Map.of(), Map.of(), new Options(Map.copyOf(siteOptions)), List.of(), Map.of(),
                    -1, null, null);
        }
    }

    /** What a placeholder line is, in flexmark's eyes: an HTML comment block, which ends on its own line. */
    static final String PLACEHOLDER = "<!--kiln-->";

    /** True when the text holds none of this syntax: it is parsed as it is. */
    static boolean needless(String markdown) {
        return markdown.indexOf('<') < 0 && !markdown.contains("{:") && !markdown.contains("*[") && markdown.indexOf('|') < 0
                && !mayStartALine(markdown, "[^")
                && !markdown.contains("$$") && !hasLongRun(markdown) && !mayHoldEndOfBlock(markdown)
                && !ListIndentation.mayBeNeeded(markdown) && !mayHoldLazyLines(markdown);
    }

    /** Whether a line starts with {@code start} (after up to three spaces): with {@code [^}, a footnote definition maybe. */
    private static boolean mayStartALine(String markdown, String start) {
        for (int i = markdown.indexOf(start); i >= 0; i = markdown.indexOf(start, i + 1)) {
            int j = i - 1;
            while (j >= 0 && i - j <= 4 && markdown.charAt(j) == ' ') {
                j--;
            }
            if ((j < 0 || markdown.charAt(j) == '\n') && i - j <= 4) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line may be kramdown's end-of-block marker: a {@code ^} before a blank or a line's end (cheap, and more often true). */
    private static boolean mayHoldEndOfBlock(String markdown) {
        for (int i = markdown.indexOf('^'); i >= 0; i = markdown.indexOf('^', i + 1)) {
            if (i + 1 == markdown.length() || markdown.charAt(i + 1) == '\n' || markdown.charAt(i + 1) == '\r'
                    || markdown.charAt(i + 1) == ' ' || markdown.charAt(i + 1) == '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line may be one kramdown reads otherwise than flexmark, cheaply: right after code, a quote's line or a
     * list item's, one that is neither blank nor more of it written as such (kramdown's lazy lines), {@code #} alone, a
     * rule of {@code *} or {@code _}, a setext underline.
     */
    private static boolean mayHoldLazyLines(String markdown) {
        boolean afterCode = false;
        boolean afterQuote = false;
        int afterItem = -1;
        for (int start = 0; start < markdown.length(); ) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(start, end);
            boolean blank = line.isBlank();
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            boolean quoted = line.stripLeading().startsWith(">");
            String text = line.strip();
            if (afterCode && !indented && !blank || afterQuote && !quoted && !blank || isTextRule(text)
                    || !blank && indentOf(line) < afterItem
                    || !text.isEmpty() && text.chars().allMatch(c -> c == '#') || SETEXT_UNDERLINE.matcher(line).matches()) {
                return true;
            }
            afterCode = indented && !blank;
            afterQuote = quoted;
            afterItem = ListIndentation.isItem(line) ? indentOf(line) + 2 : -1;
            start = end + 1;
        }
        return false;
    }

    /** Whether a line may hold a rule long enough for {@link #LONGEST_RULE}: cheap, most texts have none. */
    private static boolean hasLongRun(String markdown) {
        int run = 0;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                if (++run > LONGEST_RULE) {
                    return true;
                }
            } else if (c != ' ' && c != '\t') {
                run = 0;
            }
        }
        return false;
    }

    private final String markdown;
    private final EditedText.Builder out;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<Integer, RawBlock> raw = new HashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    /** HTML elements whose content is being read as Markdown, innermost last. */
    private final ArrayDeque<String> open = new ArrayDeque<>();
    /** The raw HTML around those of them that are inside raw HTML, innermost last. */
    private final ArrayDeque<RawParents> rawParents = new ArrayDeque<>();
    private final List<int[]> insideHtml = new ArrayList<>();
    private final ListIndentation lists = new ListIndentation();
    /** Where in the text tables without a header start (their empty header row), and their bodies and footers. */
    private final Map<Integer, KramdownTable.Mark> tableMarks = new HashMap<>();
    /** From where no comment's stop tag follows on a line of its own, once a search found none: linear in many unclosed ones. */
    private int noBlockCommentEndFrom = Integer.MAX_VALUE;
    /** Whether the line before was indented code at the top: a line after it may go on the code ({@link #indentedCode}). */
    private boolean code;
    /** How many lines of a paragraph's text are right before the line. */
    private int textLines;
    /** Whether the line before is a quote's, at the top, which the next line goes on unless it is blank. */
    private boolean quote;
    /** Whether the line is the first of a quote at the top. */
    private boolean quoteOpens;
    /** Whether the line last read by {@link #fenced} opened a fence. */
    private boolean fenceOpened;
    /** Where the line break after that line is, not yet written: -1 when there is none. */
    private int codeBreak = -1;
    /** The fence of the code block the line loop is in ({@code ```} or longer, {@code ~~~}…), or null. */
    private String fence;
    /** Where the content of the outermost element being read as Markdown starts in the text. */
    private int htmlStart;
    /** Where the line loop resumes after a construct that ended before its line did. */
    private int resume;
    private int problemAt = -1;
    private String problem;
    private String hint;

    private KramdownPreprocessor(String markdown, Map<String, String> siteOptions) {
        this.markdown = markdown;
        this.out = EditedText.from(markdown);
        this.options.putAll(siteOptions); // the site's, as Jekyll's _config.yml kramdown: gives them; the text's own {::options} win
    }

    static Result process(String markdown) {
        return process(markdown, Map.of());
    }

    /** @param siteOptions the kramdown options set for the whole site (site.yml's {@code kramdown:}), as {@code {::options}} writes them */
    static Result process(String markdown, Map<String, String> siteOptions) {
        KramdownPreprocessor pass = new KramdownPreprocessor(markdown, siteOptions);
        pass.run();
        return pass.result();
    }

    private Result result() {
        if (codeBreak >= 0) {
            out.copy(codeBreak, codeBreak + 1);
        }
        if (!open.isEmpty()) {
            insideHtml.add(new int[] {htmlStart, Integer.MAX_VALUE}); // never closed: to the end, as kramdown reads it
            closeAtEnd();
        }
        return new Result(out.build(), definitions, raw, new Options(Map.copyOf(options)), List.copyOf(insideHtml),
                Map.copyOf(tableMarks), problemAt, problem, hint);
    }

    private void run() {
        boolean afterBlank = true;
        boolean paragraph = false;
        int position = 0;
        int length = markdown.length();
        while (position < length && problemAt < 0) {
            int newline = markdown.indexOf('\n', position);
            int lineEnd = newline < 0 ? length : newline;
            int next = newline < 0 ? length : newline + 1;
            position = lineStart(position, lineEnd, paragraph);
            String line = markdown.substring(position, lineEnd);
            boolean blank = line.isBlank();
            Matcher m;
            KramdownTable table;
            int end;
            boolean text = false;
            if ((end = indentedCode(line, position, next, paragraph)) >= 0 || quoteOpens && (end = quoteWithHtml(position)) >= 0) {
                next = end;
            } else if (fenced(inItem(line))) {
                out.copy(position + fenceMoved(inItem(line)), next);
            } else if (line.startsWith("{:") && (m = DEFINITION.matcher(line)).matches()) {
                blank = definition(m, lineEnd, next); // an attribute list after it is for the block after it, as after a blank line
            } else if (paragraph && (end = htmlInText(line, position)) >= 0) {
                next = end;
                text = true; // the paragraph goes on after it
            } else if (line.startsWith("*[") && emptyAbbreviation(line, position, lineEnd, next)) {
                // copied with a title that is left out
            } else if (line.startsWith("^", indentOf(line)) && indentOf(line) <= 3 && line.strip().equals("^")) {
                blank = endOfBlock(position, indentOf(line), lineEnd, next); // what follows starts a block, as after a blank line
            } else if (line.startsWith("[^", indentOf(line)) && (m = FOOTNOTE.matcher(line)).lookingAt()) {
                next = footnoteDefinition(line, m, position, next, paragraph);
                text = paragraph; // a definition is its first line and the indented ones after it, for kramdown
            } else if (line.startsWith("{:", indentOf(line)) && BLOCK_LIST.matcher(line).matches()) {
                next = blockList(position, afterBlank);
            } else if (line.startsWith("<!--", indentOf(line)) && indentOf(line) <= 3) {
                next = htmlComment(position);
            } else if (afterBlank && line.indexOf('|') >= 0 && (table = KramdownTable.at(markdown, position)) != null) {
                next = kramdownTable(position, table);
            } else if (!paragraph && line.startsWith("{::", indentOf(line)) && (end = blockExtension(line, position, next)) >= 0) {
                next = end;
            } else if (indentOf(line) <= 3 && line.indexOf('<') == indentOf(line) && htmlBlock(position, position + indentOf(line))) {
                next = resume;
            } else if (!open.isEmpty() && closesOpenBlock(line)) {
                next = closeBlock(position, position + indentOf(line));
            } else if (afterBlank && line.stripLeading().startsWith("$$") && indentOf(line) <= 3 && displayMath(position)) {
                next = resume;
                blank = true; // what follows a display formula starts a block
            } else if (isLongRun(line)) {
                longRun(position, lineEnd, next);
            } else {
                next = line.contains("{::") ? extensions(position, next) : copy(position, next);
                // a paragraph's line (an item's, a quote's), which the next line may continue; an indented one starts code
                text = !blank && (paragraph || indentOf(line) < 4) && !HEADING_OR_RULE.matcher(line).matches();
            }
            afterBlank = blank;
            paragraph = text;
            position = next;
        }
    }

    /**
     * A block quote from {@code lineStart} that holds an HTML block, read as kramdown reads it ({@link QuoteText}): its
     * text without the quote marks, preprocessed as a text of its own, then written out with a {@code > } before each of
     * its lines, its placeholders and marks moved with it. Returns where the line loop resumes, or -1 when the quote holds
     * no HTML block (its lines are read one by one, as any others).
     */
    private int quoteWithHtml(int lineStart) {
        QuoteText quote = QuoteText.at(markdown, lineStart);
        if (!quote.holdsHtmlBlock() || !open.isEmpty()) {
            return -1;
        }
        KramdownPreprocessor inner = new KramdownPreprocessor(quote.text(), options);
        inner.run();
        Result result = inner.result();
        String text = result.text().text();
        int base = out.text().length();
        for (dev.kiln.text.EditedText.Segment segment : result.text().segments()) {
            for (int from = segment.start(); from < segment.end(); ) {
                int newline = text.indexOf('\n', from);
                int to = newline < 0 || newline >= segment.end() ? segment.end() : newline + 1;
                int origin = quote.origin(segment.copied() ? segment.origin() + from - segment.start() : segment.origin());
                if (from == 0 || text.charAt(from - 1) == '\n') {
                    out.insert("> ", origin);
                }
                if (segment.copied()) {
                    out.copy(origin, origin + to - from);
                } else {
                    out.insert(text.substring(from, to), origin);
                }
                from = to;
            }
        }
        if (!text.endsWith("\n") && quote.end() < markdown.length()) {
            out.insert("\n", quote.end());
        }
        takeOver(result, quote, text, base);
        this.quote = false; // the line after it is no more of it
        return quote.end();
    }

    /** What the preprocessing of a quote's text found, at its places in this text ({@code base}: where the quote starts). */
    private void takeOver(Result result, QuoteText quote, String text, int base) {
        int[] lineStarts = java.util.stream.IntStream.range(0, text.length() + 1)
                .filter(i -> i == 0 || text.charAt(i - 1) == '\n').toArray();
        java.util.function.IntUnaryOperator moved = offset -> {
            if (offset == Integer.MAX_VALUE) {
                return offset;
            }
            int line = java.util.Arrays.binarySearch(lineStarts, offset);
            line = line < 0 ? -line - 2 : line;
            return base + offset + 2 * (line + 1);
        };
        result.raw().forEach((offset, block) -> raw.put(moved.applyAsInt(offset), block));
        result.tableMarks().forEach((offset, mark) -> tableMarks.put(moved.applyAsInt(offset), mark));
        result.insideHtml().forEach(range -> insideHtml.add(new int[] {moved.applyAsInt(range[0]), moved.applyAsInt(range[1])}));
        result.definitions().forEach((name, value) -> definitions.merge(name, value, (earlier, later) -> earlier + " " + later));
        options.putAll(result.options().values());
        if (result.problemAt() >= 0) {
            refuse(quote.origin(result.problemAt()), result.problem(), result.hint());
        }
    }

    /**
     * Indented code at the top, and the lines kramdown reads as more of it: any line right after it that is not blank,
     * an attribute list, the end-of-block marker or an HTML tag that starts a block ({@code code}, then {@code [^1]:} or
     * text, is all code), where flexmark ended the code. kramdown joins such a line to the one before with a space, so
     * each code line's break is written only once the next line is known not to be one. Returns where the line loop
     * resumes, or -1 when the line is no such code (in a list, the code is the item's, which Kiln leaves as it is).
     */
    private int indentedCode(String line, int lineStart, int next, boolean paragraph) {
        boolean afterCode = code;
        int indent = indentOf(line);
        code = !paragraph && fence == null && lists.outside() && !line.isBlank()
                && (indent >= 4 || line.charAt(indent) == '\t');
        boolean lazy = !code && afterCode && fence == null && !line.isBlank() && !endsLazyLines(line, indent);
        if (lazy) {
            out.insert(" ", codeBreak);
        } else if (codeBreak >= 0) {
            out.copy(codeBreak, codeBreak + 1);
        }
        codeBreak = -1;
        if (!code && !lazy) {
            return -1;
        }
        code = true;
        int lineEnd = next > lineStart && markdown.charAt(next - 1) == '\n' ? next - 1 : next;
        out.copy(lineStart, lineEnd);
        codeBreak = lineEnd < next ? lineEnd : -1;
        return next;
    }

    /**
     * kramdown's ends of the lazy lines of a code block or a list item: an attribute list, {@code ^}, or a tag of an
     * element but a span's.
     */
    static boolean endsLazyLines(String line, int indent) {
        if (indent > 3) {
            return false;
        }
        if (BLOCK_LIST.matcher(line).matches() || line.strip().equals("^")) {
            return true;
        }
        Tag tag = line.startsWith("<", indent) ? Tag.at(line, indent) : null;
        return tag != null && !SPAN_ELEMENTS.contains(tag.lowerName()) && !tag.lowerName().equals("script");
    }

    /**
     * How many spaces an opening fence loses ({@code line} as in its item, {@link #inItem}): those it is indented by past
     * where the text it is in starts. kramdown keeps the code's lines as written; CommonMark takes as many spaces off
     * each as its fence is indented by, which flexmark then does not.
     */
    private int fenceMoved(String line) {
        return fenceOpened ? indentOf(line) : 0;
    }

    /** {@code line} without the spaces before where the text of the list item it is in starts: as kramdown reads it. */
    private String inItem(String line) {
        return line.substring(Math.min(indentOf(line), lists.textColumn()));
    }

    /** Whether {@code line} is a fence or inside fenced code, which is copied as it is; keeps track of the open fence. */
    private boolean fenced(String line) {
        fenceOpened = false;
        if (fence != null) {
            String stripped = line.strip();
            char fenceChar = fence.charAt(0);
            if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fenceChar)) {
                fence = null;
            }
            return true;
        }
        Matcher m = mayOpenFence(line) ? FENCE.matcher(line) : null;
        fenceOpened = m != null && m.matches();
        if (fenceOpened) {
            fence = m.group(1);
        }
        return fenceOpened;
    }

    /**
     * Where the line at {@code position} starts for the rest of the loop, and what it needs before any other rule reads
     * it, each as kramdown reads the line: in a list, the spaces {@link ListIndentation} takes off it; after a quote's
     * line, a {@code >} when the line goes on the quote; four spaces when it goes on a paragraph's text that flexmark
     * would end there ({@link #continuesText}); a backslash before {@code #} alone, which kramdown's headings never are
     * (after code, where it is more of the code, none).
     */
    private int lineStart(int position, int lineEnd, boolean paragraph) {
        textLines = paragraph ? textLines + 1 : 0;
        quoteOpens = false;
        String line = markdown.substring(position, lineEnd);
        if (quote && !line.isBlank() && !line.startsWith(">", indentOf(line)) && !endsBlock(line)) {
            out.insert("> ", position); // kramdown's quote runs to a blank line: a list, a heading, a fence there are the quote's
            out.insert(continuesText(line, paragraph) ? "    " : "", position);
            return position;
        }
        position += lists.drop(line, fence != null);
        out.insert(" ".repeat(lists.insert()), position);
        line = markdown.substring(position, lineEnd);
        int indent = indentOf(line);
        quoteOpens = !quote;
        quote = fence == null && indent <= 3 && line.startsWith(">", indent) && lists.outside() && !isLongRun(line);
        quoteOpens &= quote;
        if (fence == null && continuesText(line, paragraph)) {
            out.insert("    ", position);
        } else if (fence == null && !code && indent <= 3 && !line.isBlank() && line.strip().chars().allMatch(c -> c == '#')) {
            out.copy(position, position + indent);
            out.insert("\\", position + indent);
            return position + indent;
        }
        return position;
    }

    /** An attribute list or the end-of-block marker alone on a line: they end a quote, where a blank line does too. */
    private static boolean endsBlock(String line) {
        return indentOf(line) <= 3 && (BLOCK_LIST.matcher(line).matches() || line.strip().equals("^"));
    }

    /**
     * Whether {@code line}, right after a paragraph's text, is more of that text for kramdown where flexmark reads a
     * block: a rule of {@code *} or {@code _} that does not start like a list item ({@code ***}; kramdown ends a
     * paragraph where a list may start, and {@code * * *} is a rule there), or a setext underline under more than one
     * line of text (kramdown's setext heading is one line).
     */
    private boolean continuesText(String line, boolean paragraph) {
        String text = line.strip();
        if (!paragraph || indentOf(line) > 3 || text.length() > LONGEST_RULE) {
            return false;
        }
        return textLines >= 2 && SETEXT_UNDERLINE.matcher(line).matches() || isTextRule(text);
    }

    /** {@code ***}, {@code _ _ _}: a rule of {@code *} or {@code _} that does not start like a list item. */
    private static boolean isTextRule(String text) {
        if (text.length() < 3 || text.charAt(0) != '*' && text.charAt(0) != '_') {
            return false;
        }
        char kind = text.charAt(0);
        return text.chars().filter(c -> c == kind).count() >= 3 && text.chars().allMatch(c -> c == kind || c == ' ' || c == '\t')
                && !(kind == '*' && (text.charAt(1) == ' ' || text.charAt(1) == '\t'));
    }

    /** kramdown's end-of-block marker, {@code ^} alone on its line: a placeholder that ends what is open. Returns true. */
    private boolean endOfBlock(int lineStart, int indent, int lineEnd, int next) {
        placeholder(lineStart, indent, lineStart + indent, "", RawBlock.Kind.END);
        out.copy(lineEnd, next);
        return true;
    }

    /** An attribute list definition, {@code {:name: …}}: kept by name, and the line left out. Returns true. */
    private boolean definition(Matcher m, int lineEnd, int next) {
        definitions.merge(m.group(1), m.group(2), (earlier, later) -> earlier + " " + later);
        out.copy(lineEnd, next);
        return true;
    }

    /**
     * A comment is flexmark's HTML block too, to the line where it ends; the tags inside it are not. What follows it on
     * that line starts a new block, as kramdown reads it (flexmark had kept it in the comment's block, as raw text);
     * except after {@code <!--more-->}, which would then end the excerpt where its author wrote it in a sentence.
     */
    private int htmlComment(int lineStart) {
        int close = markdown.indexOf("-->", lineStart);
        if (close < 0 || MORE.matcher(markdown).region(lineStart, markdown.length()).lookingAt()) {
            int closeLine = close < 0 ? -1 : markdown.indexOf('\n', close);
            int next = closeLine < 0 ? markdown.length() : closeLine + 1;
            out.copy(lineStart, next);
            return next;
        }
        out.copy(lineStart, close + 3);
        return restOfLine(close + 3, 0);
    }

    /**
     * A comment or a {@code <script>} element at the start of a line that continues a paragraph's text: kramdown reads
     * it in that text, as it is, where flexmark ended the paragraph with an HTML block. It becomes a placeholder of the
     * paragraph's text (indented so that it starts no block), and the rest of its last line follows it there. Returns
     * where the line loop resumes, or -1 when the line is none of these (the excerpt's {@code <!--more-->} stays a block),
     * or the element runs past a blank line (which ends the paragraph).
     */
    private int htmlInText(String line, int lineStart) {
        int indent = indentOf(line);
        int tagStart = lineStart + indent;
        int end = -1;
        if (indent <= 3 && line.startsWith("<!--", indent) && !MORE.matcher(line).lookingAt()) {
            int close = markdown.indexOf("-->", tagStart + 4);
            end = close < 0 ? -1 : close + 3;
        } else if (indent <= 3 && line.regionMatches(true, indent, "<script", 0, 7)) {
            Tag tag = Tag.at(markdown, tagStart);
            end = tag == null || !tag.lowerName().equals("script") || tag.closing() ? -1 : elementEnd(markdown, tag);
        }
        if (end < 0 || BLANK_LINE.matcher(markdown.substring(tagStart, end)).find()) {
            return -1;
        }
        out.copy(lineStart, tagStart);
        raw.put(out.text().length() + 4, new RawBlock(RawBlock.Kind.SPAN_HTML, markdown.substring(tagStart, end)));
        out.insert("    " + PLACEHOLDER, tagStart);
        int endLine = markdown.indexOf('\n', end);
        int resume = endLine < 0 ? markdown.length() : endLine + 1;
        out.copy(end, resume);
        return resume;
    }

    /**
     * A table in kramdown's syntax, written in GFM's for flexmark ({@link KramdownTable}): an empty header first when
     * it has none, its header rows given empty cells up to the widest row's (as kramdown writes them; flexmark would read
     * no table at all where a row has a cell more than the header), its header separator written as flexmark needs it,
     * its other separators and footer line left out and the rows after them marked.
     */
    private int kramdownTable(int lineStart, KramdownTable table) {
        if (!table.hasHeader()) {
            tableMarks.put(out.text().length(), KramdownTable.Mark.HEADLESS);
            out.insert(table.emptyHeader() + table.separator(), lineStart);
        }
        KramdownTable.Mark next = null;
        boolean header = table.hasHeader();
        for (KramdownTable.Line line : table.lines()) {
            int lineEnd = Math.min(line.end() + 1, table.end());
            switch (line.kind()) {
                case ROW -> {
                    if (next != null) {
                        tableMarks.put(out.text().length(), next);
                        next = null;
                    }
                    int textEnd = line.start() + markdown.substring(line.start(), line.end()).stripTrailing().length();
                    out.copy(line.start(), textEnd);
                    out.insert(header ? table.padding(markdown.substring(line.start(), textEnd)) : "", textEnd);
                    out.copy(textEnd, lineEnd);
                }
                case HEADER_SEPARATOR -> {
                    out.insert(table.separator(), line.start());
                    header = false;
                }
                case BODY_SEPARATOR -> next = next == null ? KramdownTable.Mark.BODY : next;
                case FOOTER -> next = KramdownTable.Mark.FOOT;
                case IGNORED -> { }
            }
        }
        return table.end();
    }

    /** A cheap test before the pattern: a fence starts, after up to three spaces, with ``` or ~~~. */
    private static boolean mayOpenFence(String line) {
        int indent = indentOf(line);
        return indent <= 3 && (line.startsWith("```", indent) || line.startsWith("~~~", indent));
    }

    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** kramdown marks up an abbreviation defined as nothing ({@code *[HTML]:}) without a title; flexmark ignores it. */
    private boolean emptyAbbreviation(String line, int lineStart, int lineEnd, int next) {
        Matcher m = EMPTY_ABBREVIATION.matcher(line);
        if (!m.matches()) {
            return false;
        }
        out.copy(lineStart, lineStart + m.end(1));
        out.insert(" " + NO_TITLE, lineStart + m.end(1));
        out.copy(lineEnd, next);
        return true;
    }

    /**
     * A block attribute list, with those on the lines right after it (kramdown adds them up): one placeholder
     * line for the block before it, or, after a blank line, for the block after it.
     */
    private int blockList(int lineStart, boolean afterBlank) {
        StringBuilder text = new StringBuilder();
        int position = lineStart;
        Matcher m;
        while (position < markdown.length()) {
            int newline = markdown.indexOf('\n', position);
            int lineEnd = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(position, lineEnd);
            if (!line.startsWith("{:", indentOf(line)) || !(m = BLOCK_LIST.matcher(line)).matches()) {
                break;
            }
            text.append(text.length() == 0 ? "" : " ").append(m.group(1));
            position = newline < 0 ? markdown.length() : newline + 1;
        }
        int indent = indentOf(markdown.substring(lineStart, Math.min(lineStart + 4, markdown.length())));
        placeholder(lineStart, indent, lineStart + indent, text.toString(), afterBlank ? RawBlock.Kind.IAL_BEFORE : RawBlock.Kind.IAL_AFTER);
        out.insert("\n", position);
        return position;
    }

    // ---- HTML blocks ----------------------------------------------------------------------------------

    /**
     * Reads the HTML block whose tag opens at {@code tagStart} (a line's start, give or take three
     * spaces); false when it is not one (a span element, no tag at all), and the line is read as text.
     */
    private boolean htmlBlock(int lineStart, int tagStart) {
        Tag tag = Tag.at(markdown, tagStart);
        if (tag == null || tag.closing() || SPAN_ELEMENTS.contains(tag.lowerName())) {
            return false;
        }
        String mode = mode(tag);
        String name = tag.lowerName();
        int indent = tagStart - lineStart;
        if (tag.selfClosing() || VOID_ELEMENTS.contains(name)) {
            placeholder(lineStart, indent, tagStart, withoutMarkdownAttribute(tag, tagStart, tag.end()), RawBlock.Kind.HTML);
            resume = restOfLine(tag.end(), indent);
        } else if (mode.equals("raw")) {
            String openTag = withoutMarkdownAttribute(tag, tagStart, tag.end());
            resume = rawHtml(lineStart, indent, tagStart, tag.end(), openTag, RawHtmlStretch.OpenElements.of(name));
        } else if (open.size() >= NestingLimit.LEVELS) {
            refuse(tagStart, NestingLimit.MESSAGE, NestingLimit.HINT);
            resume = markdown.length();
        } else if (mode.equals("span")) {
            int end = spanElement(lineStart, indent, tagStart, tag);
            resume = end < 0 ? markdown.length() : restOfLine(end, indent);
        } else {
            resume = openBlock(lineStart, indent, tagStart, tag);
        }
        return true;
    }

    /**
     * The raw HTML read from {@code readFrom} inside {@code elements}, up to where they close: a placeholder for each
     * stretch of it, and the elements inside it that kramdown reads as Markdown all the same, read so (a paragraph's text at
     * once; blocks up to the element's closing tag, where {@link #closeBlock} goes on with the raw HTML). {@code before} is
     * the first stretch's start as written out, the tag at {@code tagStart} ("" when going on after an element). Returns
     * where the line loop resumes.
     */
    private int rawHtml(int lineStart, int indent, int tagStart, int readFrom, String before, RawHtmlStretch.OpenElements elements) {
        while (true) {
            RawHtmlStretch stretch = RawHtmlStretch.from(markdown, readFrom, elements, true);
            Tag tag = stretch.markdownTag();
            // elements the text never closes are closed at its end, as kramdown writes them
            String unclosed = tag == null && stretch.end() == markdown.length() ? elements.closingTags() : "";
            String html = before + stretch.html(markdown, readFrom);
            html = LinkAttributeProvider.withNoopener(html + (unclosed.isEmpty() || html.endsWith("\n") ? "" : "\n") + unclosed);
            html = before.isEmpty() ? html.stripLeading() : html; // the line breaks between stretches are the placeholders'
            html = tag == null ? html : html.stripTrailing();
            if (!html.isBlank()) {
                int textStart = before.isEmpty() ? skipWhitespace(readFrom, stretch.end()) : tagStart;
                placeholder(before.isEmpty() ? textStart : lineStart, indent, textStart, html, RawBlock.Kind.HTML);
                out.insert(tag == null ? "" : "\n", stretch.end());
            }
            if (tag == null) {
                return restOfLine(stretch.end(), indent);
            }
            if (open.size() >= NestingLimit.LEVELS) {
                refuse(stretch.end(), NestingLimit.MESSAGE, NestingLimit.HINT);
                return markdown.length();
            }
            if (modeInsideRaw(tag).equals("block")) {
                rawParents.addLast(new RawParents(elements, open.size() + 1, indent));
                return openBlock(stretch.end(), indent, stretch.end(), tag);
            }
            int end = spanElement(stretch.end(), indent, stretch.end(), tag);
            if (end < 0) {
                placeholder(markdown.length(), indent, markdown.length(), elements.closingTags(), RawBlock.Kind.HTML);
                return markdown.length();
            }
            out.insert("\n", end);
            readFrom = end;
            before = "";
        }
    }

    /**
     * An element whose content is a paragraph's text, opened by {@code tag}: placeholders for its tags, and its content
     * on a line between them. Returns the offset past its closing tag, or -1 when it has none (it runs to the end).
     */
    private int spanElement(int lineStart, int indent, int tagStart, Tag tag) {
        int close = closingTagOf(markdown, tag);
        placeholder(lineStart, indent, tagStart, withoutMarkdownAttribute(tag, tagStart, tag.end()), RawBlock.Kind.SPAN_OPEN);
        int contentEnd = close < 0 ? markdown.length() : close;
        out.insert("\n" + " ".repeat(indent), tag.end());
        copyWithExtensions(skipSpaces(tag.end(), contentEnd), contentEnd);
        out.insert("\n", contentEnd);
        if (close < 0) { // never closed: kramdown closes it at the end
            placeholder(contentEnd, indent, contentEnd, "</" + tag.lowerName() + ">", RawBlock.Kind.SPAN_CLOSE);
            out.insert("\n", contentEnd);
            return -1;
        }
        Tag closing = Tag.at(markdown, close);
        placeholder(contentEnd, indent, close, markdown.substring(close, closing.end()), RawBlock.Kind.SPAN_CLOSE);
        return closing.end();
    }

    /** An element whose content is blocks of Markdown, opened by {@code tag}, up to its closing tag ({@link #closeBlock}). */
    private int openBlock(int lineStart, int indent, int tagStart, Tag tag) {
        placeholder(lineStart, indent, tagStart, withoutMarkdownAttribute(tag, tagStart, tag.end()), RawBlock.Kind.OPEN);
        open.addLast(tag.lowerName());
        if (open.size() == 1) {
            htmlStart = out.text().length();
        }
        // What follows the tag on its line is the first line of the content.
        out.insert("\n", tag.end());
        return restOfLine(tag.end(), indent);
    }

    /**
     * How kramdown reads the content of an element inside raw HTML: raw, unless its {@code markdown} attribute asks for
     * more ({@code parse_block_html} is only for elements outside raw HTML).
     */
    static String modeInsideRaw(Tag tag) {
        String name = tag.lowerName();
        String model = SPAN_CONTENT.contains(name) ? "span" : BLOCK_CONTENT.contains(name) ? "block" : "raw";
        String markdownAttribute = tag.attribute("markdown");
        if (markdownAttribute == null) {
            return "raw";
        }
        return switch (markdownAttribute) {
            case "block", "span" -> markdownAttribute;
            case "1" -> model;
            default -> "raw";
        };
    }

    /** How kramdown reads an element's content: "raw", "block" or "span". */
    private String mode(Tag tag) {
        String name = tag.lowerName();
        String markdownAttribute = tag.attribute("markdown");
        String model = SPAN_CONTENT.contains(name) ? "span" : BLOCK_CONTENT.contains(name) ? "block" : "raw";
        return switch (markdownAttribute == null ? "" : markdownAttribute) {
            case "0" -> "raw";
            case "block" -> "block";
            case "span" -> "span";
            case "1" -> model;
            // no attribute, or a value kramdown does not know (it drops the attribute all the same)
            default -> new Options(options).flag("parse_block_html", false) ? model : "raw";
        };
    }

    private boolean closesOpenBlock(String line) {
        int indent = indentOf(line);
        if (indent > 3 || !line.startsWith("</", indent)) {
            return false;
        }
        Tag tag = Tag.at(line, indent);
        return tag != null && tag.lowerName().equals(open.getLast());
    }

    private int closeBlock(int lineStart, int tagStart) {
        Tag tag = Tag.at(markdown, tagStart);
        open.removeLast();
        if (open.isEmpty()) {
            insideHtml.add(new int[] {htmlStart, out.text().length()});
        }
        // A blank line ends what the content left open (a paragraph); the tag is HTML again, indented as written (in the
        // list item it is in).
        out.insert("\n", tagStart);
        placeholder(tagStart, tagStart - lineStart, tagStart, markdown.substring(tagStart, tag.end()), RawBlock.Kind.CLOSE);
        RawParents parents = rawParents.peekLast();
        if (parents != null && parents.depth() == open.size() + 1) {
            rawParents.removeLast(); // the element was inside raw HTML, which goes on after it
            out.insert("\n", tag.end());
            return rawHtml(tag.end(), parents.indent(), tag.end(), tag.end(), "", parents.elements());
        }
        return restOfLine(tag.end(), 0);
    }

    /**
     * The elements read as Markdown that the text never closes, closed at its end, innermost first, as kramdown writes them;
     * the raw HTML around one too.
     */
    private void closeAtEnd() {
        int end = markdown.length();
        while (!open.isEmpty() && problemAt < 0) {
            String name = open.removeLast();
            out.insert(out.text().isEmpty() || out.text().charAt(out.text().length() - 1) != '\n' ? "\n\n" : "\n", end);
            placeholder(end, 0, end, "</" + name + ">", RawBlock.Kind.CLOSE);
            out.insert("\n", end);
            RawParents parents = rawParents.peekLast();
            if (parents != null && parents.depth() == open.size() + 1) {
                rawParents.removeLast();
                placeholder(end, 0, end, parents.elements().closingTags(), RawBlock.Kind.HTML);
                out.insert("\n", end);
            }
        }
    }

    /** Writes a placeholder line standing for {@code html}, indented as the tag was. */
    private void placeholder(int from, int indent, int tagStart, String html, RawBlock.Kind kind) {
        out.insert(" ".repeat(indent), from);
        raw.put(out.text().length(), new RawBlock(kind, html));
        out.insert(PLACEHOLDER, tagStart);
    }

    /**
     * After a construct that ended at {@code end}: a line break, then the rest of the line when it holds
     * more (a new block, as kramdown reads it), else nothing; returns where the line loop resumes.
     */
    private int restOfLine(int end, int indent) {
        int newline = markdown.indexOf('\n', end);
        int lineEnd = newline < 0 ? markdown.length() : newline;
        if (markdown.substring(end, lineEnd).isBlank()) {
            out.insert("\n", end);
            return newline < 0 ? markdown.length() : newline + 1;
        }
        out.insert("\n" + " ".repeat(indent), end);
        return skipSpaces(end, lineEnd);
    }

    private int skipWhitespace(int from, int to) {
        while (from < to && Character.isWhitespace(markdown.charAt(from))) {
            from++;
        }
        return from;
    }

    private int skipSpaces(int from, int to) {
        while (from < to && (markdown.charAt(from) == ' ' || markdown.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    /** The element's text without its {@code markdown} attribute, which is kramdown's and not HTML. */
    private String withoutMarkdownAttribute(Tag tag, int from, int to) {
        String text = markdown.substring(from, to);
        if (tag.markdownStart() < 0) {
            return LinkAttributeProvider.withNoopener(text);
        }
        text = markdown.substring(from, tag.markdownStart()) + markdown.substring(tag.markdownEnd(), to);
        return LinkAttributeProvider.withNoopener(text);
    }

    /**
     * The offset just past the tag that closes the element opened by {@code tag}, counting the elements
     * opened inside it, or the text's end when it is never closed (kramdown reads to the end too).
     * Linear: every tag is looked at once, comments and script or style content skipped whole.
     */
    static int elementEnd(String text, Tag tag) {
        if (RAW_TEXT_ELEMENTS.contains(tag.lowerName())) {
            return rawTextEnd(text, tag.end(), tag.lowerName());
        }
        return RawHtmlStretch.from(text, tag.end(), RawHtmlStretch.OpenElements.of(tag.lowerName()), false).end();
    }

    static int rawTextEnd(String text, int from, String name) {
        int close = rawTextClose(text, from, name);
        return close < 0 ? text.length() : close;
    }

    /** Where the closing tag of the raw text element {@code name} whose content starts at {@code from} ends, or -1. */
    static int rawTextClose(String text, int from, String name) {
        Matcher close = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(text);
        return close.find(from) ? close.end() : -1;
    }

    /** The offset of the closing tag of {@code tag}'s element (same name, nesting counted), or -1. */
    private static int closingTagOf(String text, Tag tag) {
        int depth = 1;
        int i = tag.end();
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return -1;
            }
            Tag inner = Tag.at(text, lt);
            if (inner == null) {
                i = lt + 1;
                continue;
            }
            i = inner.end();
            if (inner.lowerName().equals(tag.lowerName()) && !inner.selfClosing()) {
                depth += inner.closing() ? -1 : 1;
                if (depth == 0) {
                    return lt;
                }
            }
        }
    }

    // ---- Math, rules, extensions ----------------------------------------------------------------------

    /**
     * Display math: {@code $$} at a block's start, the formula (over any number of lines, blank ones
     * too) and {@code $$} ending its line, followed by a blank line or the end. False otherwise: the
     * formula is then inline math in a paragraph.
     */
    private boolean displayMath(int lineStart) {
        int open = markdown.indexOf("$$", lineStart);
        if (open > 0 && markdown.charAt(open - 1) == '\\') {
            return false;
        }
        int close = markdown.indexOf("$$", open + 2);
        if (close < 0) {
            return false;
        }
        int newline = markdown.indexOf('\n', close);
        int lineEnd = newline < 0 ? markdown.length() : newline;
        if (!markdown.substring(close + 2, lineEnd).isBlank()) {
            return false;
        }
        int after = newline < 0 ? markdown.length() : newline + 1;
        int nextLineEnd = markdown.indexOf('\n', after);
        String nextLine = markdown.substring(after, nextLineEnd < 0 ? markdown.length() : nextLineEnd);
        if (!nextLine.isBlank() && !nextLine.startsWith("{:") && !nextLine.equals("^")) {
            return false;
        }
        String tex = markdown.substring(open + 2, close).strip();
        raw.put(out.text().length(), new RawBlock(RawBlock.Kind.MATH, "\\[" + MathSpan.escape(tex) + "\\]"));
        out.insert(PLACEHOLDER + "\n", open);
        resume = after;
        return true;
    }

    private static boolean isLongRun(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                if (++count > LONGEST_RULE) {
                    return true;
                }
            } else if (c != ' ' && c != '\t' && c != '>') {
                return false;
            }
        }
        return false;
    }

    /**
     * A line of hundreds of rule characters: a rule (or a setext heading's underline), written again with
     * three; anything else made of such a run is refused rather than given to flexmark.
     */
    private void longRun(int lineStart, int lineEnd, int next) {
        String line = markdown.substring(lineStart, lineEnd);
        int first = 0;
        while (first < line.length() && " \t>".indexOf(line.charAt(first)) >= 0) {
            first++;
        }
        char kind = line.charAt(first);
        String rest = line.substring(first).strip();
        boolean rule = rest.chars().allMatch(c -> c == kind || c == ' ' || c == '\t');
        if (!rule) {
            refuse(lineStart + first, "a line starting with more than " + LONGEST_RULE + " '" + kind + "' characters",
                    "a rule needs only three (" + kind + kind + kind + "); to show the characters, escape the first (\\" + kind + ")");
            return;
        }
        boolean spaced = rest.indexOf(' ') >= 0 || rest.indexOf('\t') >= 0;
        out.copy(lineStart, lineStart + first);
        out.insert(spaced ? kind + " " + kind + " " + kind : String.valueOf(kind).repeat(3), lineStart + first);
        out.copy(lineEnd, next);
    }

    private void refuse(int at, String message, String problemHint) {
        if (problemAt < 0) {
            problemAt = at;
            problem = message;
            hint = problemHint;
        }
    }

    /**
     * A footnote definition's first line, {@code footnote} its start. Right after a paragraph's text it is part of that
     * text for kramdown, so its bracket is escaped (flexmark would end the paragraph there); with nothing after the
     * colon, the blank lines before its indented content are left out (flexmark would end it at the first).
     */
    private int footnoteDefinition(String line, Matcher footnote, int lineStart, int next, boolean inParagraph) {
        int bracket = lineStart + indentOf(line);
        out.copy(lineStart, bracket);
        if (inParagraph) {
            out.insert("\\", bracket);
        }
        int end = line.contains("{::") ? extensions(bracket, next) : copy(bracket, next);
        if (inParagraph || !line.substring(footnote.end()).isBlank()) {
            return end;
        }
        int content = end;
        while (content < markdown.length()) {
            int newline = markdown.indexOf('\n', content);
            int lineEnd = newline < 0 ? markdown.length() : newline;
            if (!markdown.substring(content, lineEnd).isBlank()) {
                break;
            }
            content = newline < 0 ? markdown.length() : newline + 1;
        }
        boolean indented = markdown.startsWith("    ", content) || markdown.startsWith("\t", content);
        return indented ? content : end;
    }

    /** Copies {@code markdown[from, to)} as it is; returns {@code to}. */
    private int copy(int from, int to) {
        out.copy(from, to);
        return to;
    }

    /**
     * An extension at a block's start (not in a paragraph, where kramdown reads it as part of the text): a comment, raw
     * text, or one of them without content, which gives nothing. Returns where the line loop resumes, or -1 when the
     * line is text after all.
     */
    private int blockExtension(String line, int lineStart, int next) {
        if (line.startsWith("{::comment}", indentOf(line))) {
            return blockComment(line, lineStart, next) ? resume : -1;
        }
        if (line.startsWith("{::nomarkdown}")) {
            return nomarkdown(lineStart, lineStart + "{::nomarkdown}".length());
        }
        if (EMPTY_EXTENSION.matcher(line).matches()) {
            out.copy(lineStart + line.length(), next);
            return next;
        }
        return -1;
    }

    /**
     * {@code {::comment}} alone on a line, then lines up to {@code {:/comment}} (or {@code {:/}}) alone on one:
     * an HTML comment, as kramdown writes it. False when no line closes it: kramdown then reads the line as text.
     */
    private boolean blockComment(String line, int lineStart, int contentStart) {
        Matcher end = BLOCK_COMMENT_END.matcher(markdown);
        if (indentOf(line) > 3 || !line.strip().equals("{::comment}") || contentStart >= noBlockCommentEndFrom) {
            return false;
        }
        if (!end.find(contentStart)) {
            noBlockCommentEndFrom = contentStart;
            return false;
        }
        String content = markdown.substring(contentStart, end.start());
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        raw.put(out.text().length(), new RawBlock(RawBlock.Kind.EXTENSION, "<!-- " + content + " -->"));
        out.insert(PLACEHOLDER, lineStart);
        resume = restOfLine(end.end(), 0);
        return true;
    }

    /** {@code {::nomarkdown}…{:/nomarkdown}} at a block's start: the text between is output as it is. */
    private int nomarkdown(int lineStart, int contentStart) {
        Matcher end = NOMARKDOWN_END.matcher(markdown);
        int contentEnd = end.find(contentStart) ? end.start() : markdown.length();
        int after = contentEnd == markdown.length() ? contentEnd : end.end();
        String content = markdown.substring(contentStart, contentEnd);
        if (content.startsWith("\n")) {
            content = content.substring(1);
        }
        raw.put(out.text().length(), new RawBlock(RawBlock.Kind.EXTENSION, content.stripTrailing()));
        out.insert(PLACEHOLDER, lineStart);
        return restOfLine(after, 0);
    }

    private void copyWithExtensions(int from, int to) {
        if (markdown.substring(from, to).contains("{::")) {
            extensions(from, to);
        } else {
            out.copy(from, to);
        }
    }

    /**
     * Copies {@code markdown[from, to)} without kramdown's {@code {::options … /}}, which it applies; returns {@code to}.
     * Comments and raw text inside a paragraph are read with it ({@link SpanExtensionParser}).
     */
    private int extensions(int from, int to) {
        int position = from;
        Matcher option = OPTIONS.matcher(markdown).region(from, to);
        while (option.find()) {
            out.copy(position, option.start());
            Matcher each = OPTION.matcher(option.group(1));
            while (each.find()) {
                options.put(each.group(1), each.group(2).substring(1, each.group(2).length() - 1));
            }
            position = option.end();
        }
        out.copy(position, to);
        return to;
    }

    /**
     * An HTML tag read by hand (linear, never a regular expression over the rest of the text): its
     * name, whether it closes or closes itself, where it ends, its attributes by lower-case name, and where its
     * {@code markdown} attribute is, with the space before it.
     */
    record Tag(String name, boolean closing, boolean selfClosing, int end, Map<String, Attribute> attributes,
               int markdownStart, int markdownEnd) {

        /** An attribute's value as written (quotes removed), and where it is written, from its name to its value's end. */
        record Attribute(String value, int start, int end) {}

        String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        String attribute(String attributeName) {
            Attribute attribute = attributes.get(attributeName);
            return attribute == null ? null : attribute.value();
        }

        /** The tag starting with the {@code <} at {@code start}, or null when there is none there. */
        static Tag at(String text, int start) {
            int length = text.length();
            int i = start + 1;
            boolean closing = i < length && text.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int nameStart = i;
            if (i >= length || !Character.isLetter(text.charAt(i))) {
                return null;
            }
            while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == ':')) {
                i++;
            }
            String name = text.substring(nameStart, i);
            Map<String, Attribute> attributes = new HashMap<>();
            int markdownStart = -1;
            int markdownEnd = -1;
            while (true) {
                int spaceStart = i;
                while (i < length && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= length) {
                    return null;
                }
                char c = text.charAt(i);
                if (c == '>') {
                    return new Tag(name, closing, false, i + 1, attributes, markdownStart, markdownEnd);
                }
                if (c == '/' && i + 1 < length && text.charAt(i + 1) == '>') {
                    return new Tag(name, closing, true, i + 2, attributes, markdownStart, markdownEnd);
                }
                if (i == spaceStart || closing) {
                    return null; // attributes need a space before them; closing tags have none
                }
                int attributeStart = i;
                while (i < length && !Character.isWhitespace(text.charAt(i)) && "=>/\"'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                if (i == attributeStart) {
                    return null;
                }
                String attributeName = text.substring(attributeStart, i).toLowerCase(Locale.ROOT);
                Value value = Value.after(text, i);
                if (value == null) {
                    return null;
                }
                i = value.end();
                attributes.putIfAbsent(attributeName, new Attribute(value.text(), attributeStart, i));
                if (attributeName.equals("markdown")) {
                    markdownStart = spaceStart;
                    markdownEnd = i;
                }
            }
        }

        /** An attribute's value and the offset just past it (past the name when it has none: the value is then ""). */
        private record Value(String text, int end) {

            /** The value after the attribute name that ends at {@code i}, or null when the tag ends before it does. */
            static Value after(String text, int i) {
                int length = text.length();
                int j = i;
                while (j < length && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j >= length || text.charAt(j) != '=') {
                    return new Value("", i);
                }
                j++;
                while (j < length && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j >= length) {
                    return null;
                }
                char quote = text.charAt(j);
                if (quote == '"' || quote == '\'') {
                    int close = text.indexOf(quote, j + 1);
                    return close < 0 ? null : new Value(text.substring(j + 1, close), close + 1);
                }
                int valueStart = j;
                while (j < length && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '>') {
                    j++;
                }
                return new Value(text.substring(valueStart, j), j);
            }
        }
    }
}
