package dev.kiln.liquid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Liquid's expressions as parsed from a tag's markup, each part with its offset in the file. */
sealed interface Expression {
    int offset();

    record Literal(int offset, Object value) implements Expression {}

    /** {@code site.posts[0].title}: a name, then names and indexes ({@link String} or {@link Expression}). */
    record Variable(int offset, String text, String root, List<Object> path) implements Expression {}

    record RangeOf(int offset, Expression from, Expression to) implements Expression {}

    /** {@code value | filter: arg, key: arg | …}. */
    record Filtered(int offset, Expression input, List<Filter> filters) {}

    record Filter(int offset, String name, List<Expression> arguments, Map<String, Expression> named) {}

    /** {@code a == b and c}: a value, a comparison, or two conditions joined ({@code and}/{@code or}, right to left as Liquid). */
    sealed interface Condition {}

    record Test(Expression value) implements Condition {}

    record Comparison(int offset, Expression left, String operator, Expression right) implements Condition {}

    record Logic(Condition left, String operator, Condition right) implements Condition {}

    /** One token of a tag's markup. */
    record Token(Kind kind, String text, int offset) {}

    enum Kind { NAME, STRING, NUMBER, DOT, DOTS, OPEN_BRACKET, CLOSE_BRACKET, OPEN_PAREN, CLOSE_PAREN, PIPE, COLON, COMMA, COMPARE, EQUALS, END }

    /** Reads expressions from the markup {@code text[start, end)}. */
    final class Parser {
        private final String source;
        private final List<Token> tokens;
        private int next;

        Parser(String text, int start, int end) {
            this.source = text;
            this.tokens = tokenize(text, start, end);
        }

        static List<Token> tokenize(String text, int start, int end) {
            List<Token> out = new ArrayList<>();
            int i = start;
            while (i < end) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int from = i;
                if (c == '"' || c == '\'') {
                    int close = text.indexOf(c, i + 1);
                    if (close < 0 || close >= end) {
                        throw new LiquidException(i, "string " + text.substring(i, end).strip() + " is never closed",
                                "end it with " + c);
                    }
                    out.add(new Token(Kind.STRING, text.substring(i + 1, close), i));
                    i = close + 1;
                } else if (Character.isDigit(c) || c == '-' && i + 1 < end && Character.isDigit(text.charAt(i + 1))) {
                    i = numberEnd(text, i + 1, end);
                    out.add(new Token(Kind.NUMBER, text.substring(from, i), from));
                } else if (Character.isLetter(c) || c == '_') {
                    i = nameEnd(text, i, end);
                    out.add(new Token(Kind.NAME, text.substring(from, i), from));
                } else if (text.startsWith("..", i)) {
                    out.add(new Token(Kind.DOTS, "..", i));
                    i += 2;
                } else if (text.startsWith("==", i) || text.startsWith("!=", i) || text.startsWith("<>", i)
                        || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                    out.add(new Token(Kind.COMPARE, text.substring(i, i + 2), i));
                    i += 2;
                } else if (c == '<' || c == '>') {
                    out.add(new Token(Kind.COMPARE, String.valueOf(c), i));
                    i++;
                } else {
                    out.add(new Token(punctuation(c, i), String.valueOf(c), i));
                    i++;
                }
            }
            out.add(new Token(Kind.END, "", end));
            return out;
        }

        /** Where the digits from {@code i} end, with a decimal part if one follows. */
        private static int numberEnd(String text, int i, int end) {
            while (i < end && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i + 1 < end && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
                i++;
                while (i < end && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
            return i;
        }

        /** Where the name from {@code i} ends: letters, digits, _ and -, and one trailing ? (Ruby's predicates). */
        private static int nameEnd(String text, int i, int end) {
            while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
                i++;
            }
            if (i < end && text.charAt(i) == '?') {
                i++;
            }
            return i;
        }

        /** The kind of the one-character token {@code c} at {@code offset}. */
        private static Kind punctuation(char c, int offset) {
            return switch (c) {
                case '.' -> Kind.DOT;
                case '[' -> Kind.OPEN_BRACKET;
                case ']' -> Kind.CLOSE_BRACKET;
                case '(' -> Kind.OPEN_PAREN;
                case ')' -> Kind.CLOSE_PAREN;
                case '|' -> Kind.PIPE;
                case ':' -> Kind.COLON;
                case ',' -> Kind.COMMA;
                case '=' -> Kind.EQUALS;
                default -> throw new LiquidException(offset, "unexpected '" + c + "' in Liquid",
                        "Liquid expressions hold variables, \"strings\", numbers, ranges (1..3) and | filters");
            };
        }

        Token peek() {
            return tokens.get(next);
        }

        Token peek(int ahead) {
            return tokens.get(Math.min(next + ahead, tokens.size() - 1));
        }

        Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        boolean at(Kind kind) {
            return peek().kind() == kind;
        }

        boolean atName(String name) {
            return peek().kind() == Kind.NAME && peek().text().equals(name);
        }

        boolean atEnd() {
            return at(Kind.END);
        }

        Token expect(Kind kind, String what) {
            if (!at(kind)) {
                Token t = peek();
                throw new LiquidException(t.offset(), "expected " + what + (t.kind() == Kind.END ? " at the end" : " before '" + t.text() + "'"),
                        "see the Liquid syntax of this tag in Jekyll's documentation");
            }
            return take();
        }

        String name(String what) {
            return expect(Kind.NAME, what).text();
        }

        void end(String tag) {
            if (!atEnd()) {
                Token t = peek();
                throw new LiquidException(t.offset(), "unexpected '" + t.text() + "' in {% " + tag + " %}",
                        "remove it, or check the tag's syntax");
            }
        }

        Filtered filtered() {
            int offset = peek().offset();
            Expression input = expression();
            List<Filter> filters = new ArrayList<>();
            while (at(Kind.PIPE)) {
                take();
                Token name = expect(Kind.NAME, "a filter name after '|'");
                List<Expression> arguments = new ArrayList<>();
                Map<String, Expression> named = new LinkedHashMap<>();
                if (at(Kind.COLON)) {
                    take();
                    do {
                        if (at(Kind.NAME) && peek(1).kind() == Kind.COLON) {
                            String key = take().text();
                            take();
                            named.put(key, expression());
                        } else {
                            arguments.add(expression());
                        }
                    } while (at(Kind.COMMA) && take() != null);
                }
                filters.add(new Filter(name.offset(), name.text(), arguments, named));
            }
            return new Filtered(offset, input, filters);
        }

        Expression expression() {
            Token t = peek();
            switch (t.kind()) {
                case STRING -> {
                    take();
                    return new Literal(t.offset(), t.text());
                }
                case NUMBER -> {
                    take();
                    return new Literal(t.offset(), t.text().contains(".") ? (Object) Double.parseDouble(t.text())
                            : (Object) Long.parseLong(t.text()));
                }
                case OPEN_PAREN -> {
                    take();
                    Expression from = expression();
                    expect(Kind.DOTS, "'..' in a range such as (1..5)");
                    Expression to = expression();
                    expect(Kind.CLOSE_PAREN, "')' closing the range");
                    return new RangeOf(t.offset(), from, to);
                }
                case OPEN_BRACKET, NAME -> {
                    return variable();
                }
                default -> throw new LiquidException(t.offset(), t.kind() == Kind.END ? "a value is missing" : "expected a value before '" + t.text() + "'",
                        "write a variable such as page.title, a \"string\" or a number");
            }
        }

        private Expression variable() {
            Token first = peek();
            List<Object> path = new ArrayList<>();
            String root;
            if (at(Kind.NAME)) {
                root = take().text();
                switch (root) {
                    case "nil", "null" -> {
                        return new Literal(first.offset(), null);
                    }
                    case "true" -> {
                        return new Literal(first.offset(), true);
                    }
                    case "false" -> {
                        return new Literal(first.offset(), false);
                    }
                    default -> { }
                }
            } else {
                take();
                Expression key = expression();
                expect(Kind.CLOSE_BRACKET, "']'");
                root = null;
                path.add(key);
            }
            int last = first.offset() + (root == null ? 0 : root.length());
            while (at(Kind.DOT) || at(Kind.OPEN_BRACKET)) {
                if (take().kind() == Kind.DOT) {
                    Token name = expect(Kind.NAME, "a name after '.'");
                    path.add(name.text());
                    last = name.offset() + name.text().length();
                } else {
                    path.add(expression());
                    last = expect(Kind.CLOSE_BRACKET, "']'").offset() + 1;
                }
            }
            return new Variable(first.offset(), source.substring(first.offset(), last), root, List.copyOf(path));
        }

        Condition condition() {
            Condition left = comparison();
            if (atName("and") || atName("or")) {
                String operator = take().text();
                return new Logic(left, operator, condition());
            }
            return left;
        }

        private Condition comparison() {
            int offset = peek().offset();
            Expression left = expression();
            if (at(Kind.COMPARE) || atName("contains")) {
                String operator = take().text();
                return new Comparison(offset, left, operator, expression());
            }
            return new Test(left);
        }
    }
}
