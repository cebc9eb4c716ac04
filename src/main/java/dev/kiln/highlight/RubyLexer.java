package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.REGEX;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;

import java.util.regex.Pattern;

/**
 * Ruby, after Rouge's lexer: it tells a regular expression from a division by what came before,
 * lexes {@code #{…}} in strings as code, and knows {@code %w[…]}-style literals and here-documents.
 */
final class RubyLexer {
    private RubyLexer() {}

    private static final String KEYWORDS = """
            BEGIN END alias begin break case do else elsif end ensure for if in next redo rescue raise retry
            return super then undef unless until when while yield""";
    private static final String PSEUDO_KEYWORDS = """
            loop include extend raise alias_method attr catch throw private module_function public protected true
            false nil __FILE__ __LINE__""";
    private static final String BUILTINS = """
            attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload binding callcc
            caller catch chomp chop class_eval class_variables clone const_get const_missing
            const_set constants display dup eval exec exit extend fail fork format freeze getc gets global_variables
            gsub hash id included_modules inspect instance_eval instance_method instance_methods
            instance_variable_get instance_variable_set instance_variables lambda load local_variables loop method
            method_missing methods module_eval name object_id open p print printf private_class_method
            private_instance_methods private_methods proc protected_instance_methods protected_methods
            public_class_method public_instance_methods public_methods putc puts raise rand readline readlines
            require require_relative scan select self send set_trace_func singleton_methods sleep split sprintf
            srand sub syscall system taint test throw to_a to_s trace_var trap untaint untrace_var warn""";
    private static final String QUESTION_BUILTINS = """
            autoload block_given const_defined eql equal frozen include instance_of is_a iterator kind_of
            method_defined nil private_method_defined protected_method_defined public_method_defined respond_to
            tainted""";
    /** Delimiters of {@code %q(…)}-style literals: the pairs, then those that close themselves. */
    private static final String[][] SIGIL_DELIMITERS = {{"{", "}"}, {"[", "]"}, {"(", ")"}, {"<", ">"},
            {"|", "|"}, {"!", "!"}, {"/", "/"}, {"^", "^"}, {"~", "~"}, {"-", "-"}, {"'", "'"}, {"\"", "\""},
            {":", ":"}, {",", ","}, {".", "."}, {"+", "+"}, {"=", "="}, {"#", "#"}, {"@", "@"}};

    static final RegexLexer LEXER = build();

    private static java.util.Set<String> withQuestionMarks(String words) {
        return java.util.Set.copyOf(java.util.Arrays.stream(words.trim().split("\\s+")).map(word -> word + "?").toList());
    }

    private static RegexLexer build() {
        var lexer = new RegexLexer.Builder();
        addExpressionStartStates2(lexer);
        addStringsStates(lexer);
        for (String[] state : new String[][] {{"doubleString", "\""}, {"symbolString", "\""}, {"backtickString", "`"}}) {
            Kind kind = state[0].equals("symbolString") ? LITERAL : STRING;
            lexer.state(state[0])
                    .include("escapedInterpolation")
                    .rule("[^\\\\" + state[1] + "#]+|[\\\\#]", kind)
                    .rule(state[1], "#pop", kind);
        }
        lexer.state("sigilStrings");
        for (int i = 0; i < SIGIL_DELIMITERS.length; i++) {
            String open = Pattern.quote(SIGIL_DELIMITERS[i][0]);
            lexer.rule("%r" + open, "regexFlags sigilRegex" + i, REGEX)
                    .rule("%[QWxI]?" + open, "sigil" + i, STRING)
                    .rule("%[qswi]" + open, "sigilRaw" + i, STRING);
        }
        for (int i = 0; i < SIGIL_DELIMITERS.length; i++) {
            String open = SIGIL_DELIMITERS[i][0];
            String close = SIGIL_DELIMITERS[i][1];
            String chars = Pattern.quote(open.equals(close) ? open : open + close);
            for (String variant : new String[] {"sigilRegex", "sigil", "sigilRaw"}) {
                Kind kind = variant.equals("sigilRegex") ? REGEX : STRING;
                lexer.state(variant + i)
                        .rule("\\\\[#\\\\" + escapeClass(open + close) + "]", kind);
                if (!open.equals(close)) {
                    lexer.rule(Pattern.quote(open), variant + i, kind);
                }
                lexer.rule(Pattern.quote(close), "#pop", kind);
                if (variant.equals("sigilRaw")) {
                    lexer.rule("[\\\\#]", kind);
                } else {
                    lexer.include("escapedInterpolation").rule("#", kind);
                }
                lexer.rule("[^#\\\\" + escapeClass(open + close) + "]+", kind);
            }
        }
        addFunctionNameStates(lexer);
        addExpressionStartStates(lexer);
        return lexer.build();
    }

    private static void addExpressionStartStates2(RegexLexer.Builder lexer) {
        lexer.startIn("expressionStart")
                .state("root")
                .include("whitespace")
                .rule("__END__(?s:.*)", META)
                .rule("0_?[0-7]+(?:_[0-7]+)*|0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*|0b[01]+(?:_[01]+)*", NUMBER)
                .rule("[\\d]+(?:_\\d+)*(?:\\.[\\d]+(?:_\\d+)*(?:[eE][+-]?\\d+)?|[eE][+-]?\\d+)|[\\d]+(?:_\\d+)*", NUMBER)
                .rule("(?i)@@[a-z_]\\w*|@[a-z_]\\w*", VARIABLE)
                .rule("\\$\\w+|\\$[!@&`'+~=/\\\\,;.<>_*$?:\"]|\\$-[0adFiIlpvw]", VARIABLE)
                .rule("::", PUNCTUATION)
                .include("strings")
                .rule("defined\\?(?=\\W|$)", "expressionStart", KEYWORD)
                .ruleIn(RegexLexer.wordSet(KEYWORDS), "\\w+(?=\\W|$)", "expressionStart", KEYWORD)
                .ruleIn(RegexLexer.wordSet(PSEUDO_KEYWORDS), "\\w+\\b", "expressionStart", KEYWORD)
                .rule("(module)(\\s+)([a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*)", KEYWORD, PLAIN, TYPE)
                .rule("(def\\b)(\\s*)", "functionName", KEYWORD, PLAIN)
                .rule("(class\\b)(\\s*)", "className", KEYWORD, PLAIN)
                .ruleIn(withQuestionMarks(QUESTION_BUILTINS), "\\w+[?]", "expressionStart", BUILTIN)
                .rule("(?:chomp|chop|exit|gsub|sub)!", "expressionStart", BUILTIN)
                .ruleIn(RegexLexer.wordSet(BUILTINS), "(?<!\\.)\\w+\\b", "methodCall", BUILTIN)
                // A here-document: the rest of its line is code, then its lines up to the terminator.
                .rule("(?<!\\w)(<<[-~]?)([\"`']?)([a-zA-Z_]\\w*)(\\2)(.*\\n)((?s:.*?))(^[ \\t]*)(\\3)(?=\\n|\\z)",
                        PUNCTUATION, LITERAL, LITERAL, LITERAL, RegexLexer.using("ruby"), STRING, PLAIN, LITERAL)
                .rule("\\.{2,3}", "expressionStart", PUNCTUATION)
                .rule("[A-Z][a-zA-Z0-9_]*", "methodCall", LITERAL)
                .rule("(\\.|::)(\\s*)([a-z_]\\w*[!?]?|[*%&^`~+\\-/\\[<>=])", "methodCall", PUNCTUATION, PLAIN, FUNCTION)
                .rule("[a-zA-Z_]\\w*[?!]", "expressionStart", PLAIN)
                .rule("[a-zA-Z_]\\w*", "methodCall", PLAIN)
                .rule("\\*\\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\\|\\||\\.", "expressionStart", PUNCTUATION)
                .rule("[-+/*%=<>&!^|~]=?", "expressionStart", PUNCTUATION)
                .rule("[?]", "ternary expressionStart", PUNCTUATION)
                .rule("[\\[({,:\\\\;/]", "expressionStart", PUNCTUATION)
                .rule("[\\])}]", PUNCTUATION)
                .state("whitespace")
                .rule("[ \\t\\r]+", PLAIN)
                .rule("\\n\\s*", "expressionStart", PLAIN)
                .rule("#.*", COMMENT)
                .rule("=begin\\b(?s:.*?)\\n=end\\b", COMMENT)
                .state("symbols")
                .rule("(?i):@{0,2}[a-z_]\\w*[!?]?", LITERAL)
                .rule(":(?:\\*\\*|[-+]@|[/%&|^`~]|\\[\\]=?|<<|>>|<=?>|<=?|===?)", LITERAL)
                .rule(":'(?:\\\\\\\\|\\\\'|[^'])*+'", LITERAL)
                .rule(":\"", "symbolString", LITERAL);
    }

    private static void addStringsStates(RegexLexer.Builder lexer) {
        lexer.state("strings")
                .include("symbols")
                .rule("(?i)\\b[a-z_]\\w*?[?!]?:\\s+", "expressionStart", LITERAL)
                .rule("'(?:\\\\\\\\|\\\\'|[^'])*+'", STRING)
                .rule("\"", "doubleString", STRING)
                .rule("(?<!\\.)`", "backtickString", STRING)
                .state("regexFlags")
                .rule("[mixounse]*", "#pop", REGEX);
    }

    private static void addFunctionNameStates(RegexLexer.Builder lexer) {
        lexer.state("functionName")
                .rule("\\s+", PLAIN)
                .rule("\\(", "definitionExpression", PUNCTUATION)
                .rule("(?:([a-zA-Z_]\\w*)(\\.))?([a-zA-Z_]\\w*[!?]?|\\*\\*?|[-+]@?|[/%&|^`~]|\\[\\]=?|<<?|>>?|<=>?|>=|===?)",
                        "#pop", TYPE, PUNCTUATION, FUNCTION)
                .rule("", "#pop")
                .state("className")
                .rule("\\s+", PLAIN)
                .rule("\\w+(?:::\\w+)+", TYPE)
                .rule("\\(", "definitionExpression expressionStart", PUNCTUATION)
                .rule("<<", "#pop expressionStart", PUNCTUATION)
                .rule("[A-Z_]\\w*", "#pop", TYPE)
                .rule("", "#pop")
                .state("ternary")
                .rule("(:)(\\s+)", "#pop expressionStart", PUNCTUATION, PLAIN)
                .rule(":(?![^#\\n]*?[:\\\\])", "#pop expressionStart", PUNCTUATION)
                .include("root")
                .state("definitionExpression")
                .rule("(\\))(\\.|::)?", "#pop", PUNCTUATION, PUNCTUATION)
                .rule("\\(", "definitionExpression expressionStart", PUNCTUATION)
                .include("root")
                .state("interpolated")
                .rule("\\}", "#pop", STRING)
                .include("root")
                .state("interpolation")
                .rule("[#][{]", "interpolated", STRING)
                .rule("(?i)#(?:@@?|\\$)[a-z_]\\w*", STRING)
                .state("escapedInterpolation")
                .include("interpolation")
                .rule("\\\\(?:[\\\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\\\\.", STRING)
                .state("methodCall")
                .rule("/|%", "#pop expressionStart", PUNCTUATION)
                .rule("(?=\\n)", "#pop")
                .rule("", "#pop spacedMethodCall")
                .state("spacedMethodCall")
                .include("whitespace")
                .rule("[%/]=", "#pop expressionStart", PUNCTUATION)
                .rule("(/)(?=\\S|\\s*/)", "#pop slashRegex", REGEX)
                .include("sigilStrings")
                .rule("(?=\\s*/)", "#pop")
                .rule("\\s+", "#pop expressionStart", PLAIN)
                .rule("", "#pop");
    }

    private static void addExpressionStartStates(RegexLexer.Builder lexer) {
        lexer.state("expressionStart")
                .rule("[ \\t\\r]+", PLAIN)
                .rule("/", "#pop slashRegex", REGEX)
                .rule("[?](?:\\\\[MC]-)*(?:\\\\(?:[\\\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\\S)(?!\\w)", "#pop", STRING)
                .rule("(\\s*)(%[rqswQWxiI]? \\S* )", "#pop", PLAIN, STRING)
                .include("sigilStrings")
                .rule("", "#pop")
                .state("slashRegex")
                .include("interpolation")
                .rule("\\\\\\\\|\\\\/|[\\\\#]|[^\\\\/#]+", REGEX)
                .rule("/", "#pop regexFlags", REGEX);
    }

    private static String escapeClass(String chars) {
        StringBuilder escaped = new StringBuilder();
        for (char c : chars.toCharArray()) {
            escaped.append('\\').append(c);
        }
        return escaped.toString();
    }
}
