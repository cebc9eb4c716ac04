package dev.kiln.liquid;

import dev.kiln.liquid.Expression.Condition;
import dev.kiln.liquid.Expression.Filtered;
import dev.kiln.liquid.SiteLookup.Kind;
import dev.kiln.embed.EmbedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's Liquid parsed into nodes, each holding its offsets in the file, so that the renderer can
 * copy text from its source and put every error at the place the author wrote it. Parsing goes on
 * after an error (a tag it cannot read is left out), so one run reports all of a file's errors.
 */
final class Template {
    static final String TAGS = "if, unless, case, for, assign, capture, increment, decrement, cycle, comment, raw, "
            + "highlight, post_url, link, include and include_relative";
    static final String AS_TEXT = "to show it as text, wrap it in {% raw %}…{% endraw %}, "
            + "or set render_with_liquid: false in the front matter";

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9.+#_-]+");
    private static final Pattern PARAMETER = Pattern.compile("([\\w-]+)\\s*=\\s*");

    sealed interface Node {}

    record Text(int from, int to) implements Node {}

    record Output(int open, Filtered value) implements Node {}

    record Branch(Condition condition, boolean negated, List<Node> body) {}

    record If(int open, List<Branch> branches, List<Node> otherwise) implements Node {}

    record When(List<Expression> values, List<Node> body) {}

    record Case(int open, Filtered subject, List<When> whens, List<Node> otherwise) implements Node {}

    record For(int open, String variable, Expression collection, Expression limit, Expression offset, boolean reversed,
               List<Node> body, List<Node> otherwise) implements Node {}

    record Jump(int open, boolean isBreak) implements Node {}

    record Assign(int open, String name, Filtered value) implements Node {}

    record Capture(int open, String name, List<Node> body) implements Node {}

    record Counter(int open, String name, boolean increment) implements Node {}

    record Cycle(int open, Expression group, List<Expression> values, String key) implements Node {}

    /** {@code {% highlight %}}: its code is {@code [codeStart, codeEnd)} of the file, Liquid run inside as Jekyll. */
    record Highlight(int open, String language, boolean lineNumbers, int codeStart, int codeEnd, List<Node> body,
                     int endStart, int endEnd) implements Node {}

    record UrlTag(int open, Kind kind, String key) implements Node {}

    record Parameter(String name, Filtered value) {}

    /** {@code name} is the file's name, or null when it is written with {@code {{ }}}, then {@code dynamicName}. */
    record Include(int open, String name, Expression dynamicName, List<Parameter> parameters, boolean relative) implements Node {}

    /** A piece of the file: text, or a {@code {{ }}} or {@code {% %}} with its inside {@code [innerStart, innerEnd)}. */
    private record Piece(boolean isTag, boolean isOutput, int start, int end, int innerStart, int innerEnd, String name,
                         int markupStart) {}

    private final String text;
    private final Consumer<LiquidException> errors;
    private List<Piece> pieces;
    private int next;
    /** How many blocks the piece at {@code next} is inside. */
    private int depth;
    /** Set when the nesting limit stopped the parse. */
    private boolean abandoned;

    private Template(String text, Consumer<LiquidException> errors) {
        this.text = text;
        this.errors = errors;
    }

    /** Parses {@code text}, reporting what it cannot read to {@code errors}. */
    static List<Node> parse(String text, Consumer<LiquidException> errors) {
        Template template = new Template(text, errors);
        return template.nodes(0, text.length());
    }

    private List<Node> nodes(int from, int to) {
        List<Piece> saved = pieces;
        int savedNext = next;
        pieces = pieces(from, to);
        next = 0;
        List<Node> nodes = block(null);
        pieces = saved;
        next = savedNext;
        return nodes;
    }

    // Splitting into pieces, with raw, comment and highlight bodies found as Jekyll finds them

    private List<Piece> pieces(int from, int to) {
        List<Piece> out = new ArrayList<>();
        int i = from;
        boolean trimNext = false;
        while (i < to) {
            int open = nextOpening(i, to);
            addText(out, i, open < 0 ? to : open, trimNext, open >= 0 && open + 2 < to && text.charAt(open + 2) == '-');
            if (open < 0) {
                break;
            }
            boolean output = text.charAt(open + 1) == '{';
            if (output && open + 2 < to && (text.charAt(open + 2) == '<' || text.charAt(open + 2) == '%')) {
                i = shortcode(open, to, out);
                trimNext = false;
                continue;
            }
            String closer = output ? "}}" : "%}";
            int close = text.indexOf(closer, open + 2);
            if (close < 0 || close + 2 > to) {
                reportUnclosed(open, output, closer);
                i = open + 2;
                trimNext = false;
                continue;
            }
            int innerStart = open + 2 + (text.charAt(open + 2) == '-' ? 1 : 0);
            int innerEnd = close > innerStart && text.charAt(close - 1) == '-' ? close - 1 : close;
            trimNext = innerEnd < close;
            i = close + 2;
            if (output) {
                out.add(new Piece(false, true, open, i, innerStart, innerEnd, null, innerStart));
                continue;
            }
            int nameStart = skipSpaces(innerStart, innerEnd);
            int nameEnd = nameEnd(nameStart, innerEnd);
            if (isInlineComment(nameStart, nameEnd, innerEnd)) {
                continue;
            }
            String name = text.substring(nameStart, nameEnd);
            Piece tag = new Piece(true, false, open, i, innerStart, innerEnd, name, nameEnd);
            switch (name) {
                case "raw", "comment" -> {
                    int next = rawOrComment(name, open, i, to, trimNext, out);
                    if (next < 0) {
                        return out;
                    }
                    trimNext = text.charAt(next - 3) == '-';
                    i = next;
                }
                case "highlight" -> {
                    i = highlight(tag, i, to, out);
                    if (i < 0) {
                        return out;
                    }
                    trimNext = false;
                }
                default -> out.add(tag);
            }
        }
        return out;
    }

    private void reportUnclosed(int open, boolean output, String closer) {
        errors.accept(new LiquidException(open, "'" + (output ? "{{" : "{%") + "' is never closed by '" + closer + "'",
                "close it, or " + AS_TEXT));
    }

    /** The first position from {@code from} that is not white space, or {@code limit}. */
    private int skipSpaces(int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code {% # an inline comment %}}: no name, and a # where it would start. */
    private boolean isInlineComment(int nameStart, int nameEnd, int innerEnd) {
        return nameEnd == nameStart && nameStart < innerEnd && text.charAt(nameStart) == '#';
    }


    /** The text from {@code start} to {@code end}, unless empty, without the spaces a {@code -} on either side trims. */
    private void addText(List<Piece> out, int start, int end, boolean trimStart, boolean trimEnd) {
        int textStart = start;
        int textEnd = end;
        if (trimStart) {
            while (textStart < textEnd && Character.isWhitespace(text.charAt(textStart))) {
                textStart++;
            }
        }
        if (trimEnd) {
            while (textEnd > textStart && Character.isWhitespace(text.charAt(textEnd - 1))) {
                textEnd--;
            }
        }
        if (textEnd > textStart) {
            out.add(new Piece(false, false, textStart, textEnd, textStart, textEnd, null, textStart));
        }
    }

    /** Where a tag's name that starts at {@code from} ends (letters, digits and _). */
    private int nameEnd(int from, int limit) {
        int end = from;
        while (end < limit && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    /** {@code {% highlight %}} and its end tag, whose code between stays text; -1 (reported) when never closed. */
    private int highlight(Piece tag, int i, int to, List<Piece> out) {
        Matcher end = endTag("highlight").matcher(text).region(i, to);
        out.add(tag);
        if (!end.find()) {
            errors.accept(new LiquidException(tag.start(), "{% highlight %} is never closed", "end the code with {% endhighlight %}"));
            return -1;
        }
        out.add(new Piece(true, false, end.start(), end.end(), end.start(), end.end(), "endhighlight", end.end()));
        return end.end();
    }

    /**
     * The text of {@code {% raw %}} (added to {@code out} as one piece) or of {@code {% comment %}} (dropped, nested
     * comments included), from {@code i}, after the opening tag; returns where scanning goes on, or -1 (reported)
     * when the tag is never closed.
     */
    private int rawOrComment(String name, int open, int i, int to, boolean trimNext, List<Piece> out) {
        Matcher end = endTag(name).matcher(text).region(i, to);
        int depth = 0;
        Matcher nested = Pattern.compile("\\{%-?\\s*comment\\s*-?%\\}").matcher(text).region(i, to);
        boolean found = false;
        while (end.find()) {
            if (name.equals("comment")) {
                int opened = 0;
                nested.region(i, end.start());
                while (nested.find()) {
                    opened++;
                }
                if (opened > depth) {
                    depth++;
                    continue;
                }
            }
            found = true;
            break;
        }
        if (!found) {
            errors.accept(new LiquidException(open, "{% " + name + " %} is never closed", "end it with {% end" + name + " %}"));
            return -1;
        }
        if (name.equals("raw")) {
            int rawStart = i;
            int rawEnd = end.start();
            if (trimNext) {
                while (rawStart < rawEnd && Character.isWhitespace(text.charAt(rawStart))) {
                    rawStart++;
                }
            }
            if (text.charAt(rawEnd + 2) == '-') {
                while (rawEnd > rawStart && Character.isWhitespace(text.charAt(rawEnd - 1))) {
                    rawEnd--;
                }
            }
            out.add(new Piece(true, false, open, end.end(), rawStart, rawEnd, "raw", rawStart));
        }
        return end.end();
    }

    /**
     * A Hugo shortcode, {@code {{< name … >}}} or {@code {{% name … %}}}: an embed Kiln knows is left as
     * text for the Markdown stage, which shows it; any other is an error. Returns where scanning goes on.
     */
    private int shortcode(int open, int to, List<Piece> out) {
        String closer = text.charAt(open + 2) == '<' ? ">}}" : "%}}";
        int close = text.indexOf(closer, open + 3);
        int lineEnd = text.indexOf('\n', open);
        if (close < 0 || close + 3 > to || (lineEnd >= 0 && lineEnd < close)) {
            errors.accept(new LiquidException(open, "Hugo shortcode is never closed by '" + closer + "' on its line",
                    "end it with " + closer));
            return open + 3;
        }
        int nameStart = open + 3;
        while (nameStart < close && Character.isWhitespace(text.charAt(nameStart))) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < close && !Character.isWhitespace(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(nameStart, nameEnd);
        if (EmbedTag.NAMES.contains(name)) {
            out.add(new Piece(false, false, open, close + 3, open, close + 3, null, open));
        } else {
            errors.accept(new LiquidException(open, "Hugo shortcode '" + name + "' is not supported",
                    "Kiln's embeds are youtube, vimeo, gist, mastodon and iframe (manual: Embeds); write other markup as HTML"));
        }
        return close + 3;
    }

    private static Pattern endTag(String name) {
        return Pattern.compile("\\{%-?\\s*end" + name + "\\s*-?%\\}");
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

    // Building the tree

    /**
     * Nodes up to a tag in {@code stops} (left for the caller to take), or to the end; null stops
     * means the top level, where an end tag is out of place.
     */
    private List<Node> block(List<String> stops) {
        List<Node> nodes = new ArrayList<>();
        while (next < pieces.size()) {
            Piece piece = pieces.get(next);
            if (!piece.isTag() && !piece.isOutput()) {
                next++;
                nodes.add(new Text(piece.start(), piece.end()));
                continue;
            }
            if (piece.isOutput()) {
                next++;
                Node output = guarded(() -> output(piece));
                if (output != null) {
                    nodes.add(output);
                }
                continue;
            }
            if (stops != null && stops.contains(piece.name())) {
                return nodes;
            }
            next++;
            if (BLOCKS.contains(piece.name()) && depth == LEVELS) {
                errors.accept(new LiquidException(piece.start(), "Liquid blocks nested more than " + LEVELS + " levels deep",
                        "flatten the {% if %}, {% for %}, {% case %} and {% capture %} blocks (a block never closed is the usual cause)"));
                abandoned = true; // the outer blocks' "never closed" would only repeat it
                next = pieces.size();
                return nodes;
            }
            int after = next;
            Node node = guarded(() -> {
                boolean block = BLOCKS.contains(piece.name());
                depth += block ? 1 : 0;
                try {
                    return tag(piece);
                } catch (LiquidException e) {
                    if (block && next == after) {
                        skipBlock(piece.name()); // a block whose tag cannot be read: its body would only add errors
                    }
                    throw e;
                } finally {
                    depth -= block ? 1 : 0;
                }
            });
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static final List<String> BLOCKS = List.of("if", "unless", "case", "for", "capture");

    /** Far past any real post; deeper nesting would overflow the stack when parsed or run. */
    static final int LEVELS = 100;

    /** Moves past the end tag that closes the block just opened, nested blocks of its kind included. */
    private void skipBlock(String name) {
        int depth = 0;
        for (int i = next; i < pieces.size(); i++) {
            String n = pieces.get(i).name();
            if (name.equals(n)) {
                depth++;
            } else if (("end" + name).equals(n) && depth-- == 0) {
                next = i + 1;
                return;
            }
        }
    }

    private interface Reading {
        Node read();
    }

    private Node guarded(Reading reading) {
        try {
            return reading.read();
        } catch (LiquidException e) {
            if (!abandoned) {
                errors.accept(e);
            }
            return null;
        }
    }

    private Node output(Piece piece) {
        Expression.Parser parser = new Expression.Parser(text, piece.innerStart(), piece.innerEnd());
        if (parser.atEnd()) {
            throw new LiquidException(piece.innerStart(), "empty {{ }}", "write a variable such as {{ site.title }}, or " + AS_TEXT);
        }
        Filtered value = parser.filtered();
        parser.end("{{ }}");
        return new Output(piece.start(), value);
    }

    private Expression.Parser markup(Piece piece) {
        return new Expression.Parser(text, piece.markupStart(), piece.innerEnd());
    }

    private String markupText(Piece piece) {
        return text.substring(piece.markupStart(), piece.innerEnd()).strip();
    }

    private Node tag(Piece piece) {
        int open = piece.start();
        String name = piece.name();
        switch (name) {
            case "raw":
                return new Text(piece.innerStart(), piece.innerEnd());
            case "if":
            case "unless":
                return conditional(piece, name);
            case "case":
                return caseTag(piece);
            case "for":
                return forTag(piece);
            case "break":
            case "continue":
                markup(piece).end(name);
                return new Jump(open, name.equals("break"));
            case "assign":
                return assign(piece);
            case "capture":
                return capture(piece);
            case "increment":
            case "decrement":
                return counter(piece, name);
            case "cycle":
                return cycle(piece);
            case "highlight":
                return highlight(piece);
            case "post_url":
            case "link":
                return urlTag(piece, name.equals("link") ? Kind.LINK : Kind.POST_URL);
            case "include":
            case "include_relative":
                return include(piece, name.equals("include_relative"));
            default:
                if (EmbedTag.NAMES.contains(name)) {
                    return new Text(piece.start(), piece.end()); // an embed: the Markdown stage shows it
                }
                break;
        }
        return unsupported(piece);
    }

    private Node assign(Piece piece) {
        Expression.Parser p = markup(piece);
        String variable = p.name("a variable name, as in {% assign name = value %}");
        p.expect(Expression.Kind.EQUALS, "'=' after the variable's name");
        Filtered value = p.filtered();
        p.end("assign");
        return new Assign(piece.start(), variable, value);
    }

    private Node capture(Piece piece) {
        Expression.Parser p = markup(piece);
        Expression.Token variable = p.at(Expression.Kind.STRING) ? p.take() : p.expect(Expression.Kind.NAME,
                "a variable name, as in {% capture name %}");
        p.end("capture");
        List<Node> body = block(List.of("endcapture"));
        closeBlock(piece, "capture");
        return new Capture(piece.start(), variable.text(), body);
    }

    private Node counter(Piece piece, String name) {
        Expression.Parser p = markup(piece);
        String variable = p.name("a variable name");
        p.end(name);
        return new Counter(piece.start(), variable, name.equals("increment"));
    }

    /** Throws the error for a tag Kiln does not run: an end or middle tag without its block, or an unknown tag. */
    private Node unsupported(Piece piece) {
        int open = piece.start();
        String name = piece.name();
        if (List.of("elsif", "else", "when", "endif", "endunless", "endcase", "endfor", "endcapture", "endraw", "endcomment",
                "endhighlight").contains(name)) {
            String opener = switch (name) {
                case "elsif", "endif" -> "if";
                case "else" -> "if, unless, case or for";
                case "when", "endcase" -> "case";
                default -> name.substring(3);
            };
            throw new LiquidException(open, "{% " + name + " %} without {% " + opener + " %}",
                    "remove it, or open the block it closes");
        }
        // An unknown block is one error: its body and end tag are skipped, not reported again.
        for (int i = next; !name.isEmpty() && i < pieces.size(); i++) {
            if (("end" + name).equals(pieces.get(i).name())) {
                next = i + 1;
                break;
            }
        }
        throw new LiquidException(open, name.isEmpty() ? "a {% %} without a tag name" : "Liquid tag '" + name + "' is not supported",
                "Kiln runs the tags " + TAGS + "; " + AS_TEXT);
    }

    private void closeBlock(Piece opener, String name) {
        if (next < pieces.size() && pieces.get(next).name() != null && pieces.get(next).name().equals("end" + name)) {
            Piece end = pieces.get(next++);
            if (!text.substring(end.markupStart(), end.innerEnd()).isBlank()) {
                errors.accept(new LiquidException(end.markupStart(), "{% end" + name + " %} takes nothing after its name",
                        "write {% end" + name + " %}"));
            }
            return;
        }
        throw new LiquidException(opener.start(), "{% " + name + " %} is never closed", "end it with {% end" + name + " %}");
    }

    private Node conditional(Piece piece, String name) {
        List<Branch> branches = new ArrayList<>();
        List<Node> otherwise = null;
        Expression.Parser p = markup(piece);
        Condition condition = p.condition();
        p.end(name);
        String end = "end" + name;
        List<String> stops = List.of("elsif", "else", end);
        boolean negated = name.equals("unless");
        while (true) {
            List<Node> body = block(stops);
            if (otherwise == null && condition != null) {
                branches.add(new Branch(condition, negated, body));
            } else {
                otherwise = body;
            }
            if (next >= pieces.size()) {
                throw new LiquidException(piece.start(), "{% " + name + " %} is never closed", "end it with {% " + end + " %}");
            }
            Piece stop = pieces.get(next);
            if (stop.name().equals(end)) {
                closeBlock(piece, name);
                return new If(piece.start(), branches, otherwise == null ? List.of() : otherwise);
            }
            next++;
            negated = false;
            if (stop.name().equals("else")) {
                condition = null;
                otherwise = otherwise == null ? new ArrayList<>() : otherwise;
                stops = List.of(end);
            } else {
                Expression.Parser q = markup(stop);
                try {
                    condition = q.condition();
                    q.end("elsif");
                } catch (LiquidException e) {
                    errors.accept(e);
                    condition = new Expression.Test(new Expression.Literal(stop.start(), false));
                }
            }
        }
    }

    private Node caseTag(Piece piece) {
        Expression.Parser p = markup(piece);
        Filtered subject = p.filtered();
        p.end("case");
        List<String> stops = List.of("when", "else", "endcase");
        block(stops); // Liquid ignores what stands between {% case %} and the first {% when %}
        List<When> whens = new ArrayList<>();
        List<Node> otherwise = List.of();
        while (true) {
            if (next >= pieces.size()) {
                throw new LiquidException(piece.start(), "{% case %} is never closed", "end it with {% endcase %}");
            }
            Piece stop = pieces.get(next);
            if (stop.name().equals("endcase")) {
                closeBlock(piece, "case");
                return new Case(piece.start(), subject, whens, otherwise);
            }
            next++;
            if (stop.name().equals("else")) {
                otherwise = block(stops);
                continue;
            }
            Expression.Parser q = markup(stop);
            List<Expression> values = new ArrayList<>();
            do {
                values.add(q.expression());
            } while ((q.at(Expression.Kind.COMMA) || q.atName("or")) && q.take() != null);
            q.end("when");
            whens.add(new When(values, block(stops)));
        }
    }

    private Node forTag(Piece piece) {
        Expression.Parser p = markup(piece);
        String variable = p.name("a variable name, as in {% for post in site.posts %}");
        if (!p.atName("in")) {
            p.expect(Expression.Kind.END, "'in', as in {% for post in site.posts %}");
        }
        p.take();
        Expression collection = p.expression();
        Expression limit = null;
        Expression offset = null;
        boolean reversed = false;
        while (!p.atEnd()) {
            Expression.Token option = p.expect(Expression.Kind.NAME, "limit:, offset: or reversed");
            switch (option.text()) {
                case "reversed" -> reversed = true;
                case "limit", "offset" -> {
                    p.expect(Expression.Kind.COLON, "':' after " + option.text());
                    Expression value = p.expression();
                    if (option.text().equals("limit")) {
                        limit = value;
                    } else {
                        offset = value;
                    }
                }
                default -> throw new LiquidException(option.offset(), "for option '" + option.text() + "' is not supported",
                        "write limit: n, offset: n or reversed");
            }
            if (p.at(Expression.Kind.COMMA)) {
                p.take();
            }
        }
        List<String> stops = List.of("else", "endfor");
        List<Node> body = block(stops);
        List<Node> otherwise = List.of();
        if (next < pieces.size() && pieces.get(next).name().equals("else")) {
            next++;
            otherwise = block(List.of("endfor"));
        }
        closeBlock(piece, "for");
        return new For(piece.start(), variable, collection, limit, offset, reversed, body, otherwise);
    }

    private Node cycle(Piece piece) {
        Expression.Parser p = markup(piece);
        Expression group = null;
        List<Expression> values = new ArrayList<>();
        Expression first = p.expression();
        if (p.at(Expression.Kind.COLON)) {
            p.take();
            group = first;
        } else {
            values.add(first);
            if (p.at(Expression.Kind.COMMA)) {
                p.take();
            }
        }
        while (!p.atEnd()) {
            values.add(p.expression());
            if (p.at(Expression.Kind.COMMA)) {
                p.take();
            }
        }
        return new Cycle(piece.start(), group, values, text.substring(piece.markupStart(), piece.innerEnd()).strip());
    }

    private Node highlight(Piece piece) {
        String arguments = markupText(piece);
        int argumentsOffset = piece.markupStart() + text.substring(piece.markupStart(), piece.innerEnd()).indexOf(arguments);
        String[] words = arguments.isEmpty() ? new String[0] : arguments.split("\\s+");
        boolean ok = true;
        if (words.length == 0 || !LANGUAGE.matcher(words[0]).matches()) {
            errors.accept(new LiquidException(piece.start(), "{% highlight %} needs a language",
                    "write e.g. {% highlight ruby %}, or {% highlight text %} for none"));
            ok = false;
        }
        boolean lineNumbers = false;
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("linenos") || words[i].startsWith("linenos=")) {
                lineNumbers = true;
            } else {
                errors.accept(new LiquidException(argumentsOffset + arguments.indexOf(words[i]), "highlight option '" + words[i]
                        + "' is not supported", "Kiln supports {% highlight lang linenos %}; remove the option"));
                ok = false;
            }
        }
        if (next >= pieces.size()) {
            return null; // never closed: reported while splitting
        }
        Piece end = pieces.get(next++);
        // As Jekyll: the code starts after the tag's line and ends before the end tag, without blank lines around it.
        int afterTag = piece.end();
        int codeStart = afterTag;
        while (codeStart < end.start() && (text.charAt(codeStart) == ' ' || text.charAt(codeStart) == '\t')) {
            codeStart++;
        }
        if (codeStart < end.start() && text.charAt(codeStart) != '\n') {
            codeStart = afterTag;
        }
        while (codeStart < end.start() && text.charAt(codeStart) == '\n') {
            codeStart++;
        }
        int codeEnd = end.start();
        while (codeEnd > codeStart && Character.isWhitespace(text.charAt(codeEnd - 1))) {
            codeEnd--;
        }
        if (!ok) {
            return null;
        }
        return new Highlight(piece.start(), words[0], lineNumbers, codeStart, codeEnd, nodes(codeStart, codeEnd), end.start(), end.end());
    }

    private Node urlTag(Piece piece, Kind kind) {
        String key = markupText(piece);
        if (kind == Kind.LINK) {
            key = key.replaceFirst("^/+", "");
        }
        if (key.isEmpty() || key.contains("{{")) {
            throw new LiquidException(piece.start(), "{% " + piece.name() + " %} needs " + (kind == Kind.POST_URL ? "a post's file name" : "a file's path"),
                    kind == Kind.POST_URL ? "write e.g. {% post_url 2019-03-12-my-post %}" : "write e.g. {% link about.md %}");
        }
        return new UrlTag(piece.start(), kind, key);
    }

    /** {@code {% include name key="value" key=variable %}}, the name written out or as {@code {{ variable }}}. */
    private Node include(Piece piece, boolean relative) {
        int start = piece.markupStart();
        int end = piece.innerEnd();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        String name = null;
        Expression dynamicName = null;
        int nameEnd;
        if (text.startsWith("{{", start)) {
            int close = text.indexOf("}}", start);
            if (close < 0 || close > end) {
                throw new LiquidException(start, "'{{' in the include's name is never closed", "write {% include {{ page.box }} %}");
            }
            Expression.Parser p = new Expression.Parser(text, start + 2, close);
            dynamicName = p.expression();
            p.end("include");
            nameEnd = close + 2;
        } else {
            nameEnd = start;
            while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++;
            }
            name = text.substring(start, nameEnd);
            if (name.isEmpty()) {
                throw new LiquidException(piece.start(), "{% " + piece.name() + " %} needs a file name",
                        "write e.g. {% include note.html %} for " + LiquidRenderer.INCLUDES + "/note.html");
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        int i = nameEnd;
        Matcher m = PARAMETER.matcher(text);
        while (true) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= end) {
                break;
            }
            m.region(i, end);
            if (!m.lookingAt()) {
                throw new LiquidException(i, "cannot read the include parameters '" + text.substring(i, end).strip() + "'",
                        "write them as key=\"value\" or key=page.title");
            }
            int valueStart = m.end();
            int valueEnd = valueEnd(valueStart, end);
            Expression.Parser p = new Expression.Parser(text, valueStart, valueEnd);
            Filtered value = p.filtered();
            p.end("include");
            parameters.add(new Parameter(m.group(1), value));
            i = valueEnd;
        }
        return new Include(piece.start(), name, dynamicName, parameters, relative);
    }

    /** Where a parameter's value ends: at the next {@code key=} outside quotes, or at the end. */
    private int valueEnd(int from, int end) {
        char quote = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                Matcher m = PARAMETER.matcher(text).region(i + 1, end);
                int j = i + 1;
                while (j < end && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                m.region(j, end);
                if (m.lookingAt() && (m.end() >= end || text.charAt(m.end()) != '=')) {
                    return i;
                }
            }
        }
        return end;
    }
}
