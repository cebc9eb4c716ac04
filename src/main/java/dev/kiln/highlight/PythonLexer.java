package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.RegexLexer.table;
import static dev.kiln.highlight.RegexLexer.using;
import static dev.kiln.highlight.RegexLexer.words;

/** Python 2 and 3, after Rouge's lexer: f-strings' replacement fields are lexed as code. */
final class PythonLexer {
    private PythonLexer() {}

    private static final String ID = "[\\p{IsAlphabetic}_][\\p{IsAlphabetic}\\p{IsDigit}_]*";
    private static final String DOTTED = "[\\p{IsAlphabetic}_.][\\p{IsAlphabetic}\\p{IsDigit}_.]*";

    static final RegexLexer LEXER = build();

    private static RegexLexer build() {
        var words = words(table(
                KEYWORD, """
                        assert break continue del elif else except exec finally for global if lambda pass print raise
                        return try while yield as with from import async await nonlocal""",
                BUILTIN, """
                        __import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr
                        classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit file
                        filter float format frozenset getattr globals hasattr hash hex id input int intern isinstance
                        issubclass iter len list locals long map max memoryview min next object oct open ord pow property
                        range raw_input reduce reload repr reversed round set setattr slice sorted staticmethod str sum
                        super tuple type unichr unicode vars xrange zip
                        self None Ellipsis NotImplemented False True
                        ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError
                        BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
                        ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError
                        Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit
                        IOError ImportError ImportWarning IndentationError IndexError InterruptedError
                        IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError
                        NameError NotADirectoryError NotImplementedError OSError OverflowError OverflowWarning
                        PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError ResourceWarning
                        RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError
                        SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
                        UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning
                        UserWarning ValueError VMSError Warning WindowsError ZeroDivisionError"""), PLAIN);
        String digits = "[0-9]++(?:_[0-9]++)*+";
        String decimal = "(?:(?:" + digits + ")?\\." + digits + "|" + digits + "\\.)";
        String exponent = "[eE][+-]?" + digits;
        var lexer = new RegexLexer.Builder();
        addRootState(lexer, words, digits, decimal, exponent);
        String[] quotes = {"'''", "\"\"\"", "'", "\""};
        for (int i = 0; i < quotes.length; i++) {
            lexer.rule("((?i:[rbu]*f[rbu]*))(" + quotes[i] + ")", "fstring" + i, STRING, STRING)
                    .rule("((?i:[rbu]{0,2}))(" + quotes[i] + ")", "string" + i, STRING, STRING);
        }
        lexer.rule("@" + DOTTED, META)
                .rule("(?<!\\.)" + ID, words)
                .rule(ID, PLAIN)
                .rule(decimal + "(?:" + exponent + ")?[jJ]?|" + digits + exponent + "[jJ]?|" + digits + "[jJ]", NUMBER)
                .rule("(?i)0b_?[01]++(?:_[01]++)*+|0o_?[0-7]++(?:_[0-7]++)*+|0x_?[0-9a-f]++(?:_[0-9a-f]++)*+|\\d+L|[1-9][0-9]*+(?:_[0-9]++)*+|0++(?:_0++)*+", NUMBER);
        for (int i = 0; i < quotes.length; i++) {
            for (String kind : new String[] {"string", "fstring"}) {
                lexer.state(kind + i)
                        .rule(quotes[i], "#pop", STRING)
                        .rule("\\\\(?:.|\\n)|[^'\"\\\\{]+|['\"]|\\{\\{", STRING);
                if (kind.equals("fstring")) {
                    lexer.rule("\\{", "interpolation", STRING);
                } else {
                    lexer.rule("\\{", STRING);
                }
            }
        }
        return lexer.state("interpolation")
                .rule("[^{}!:]+", using("python"))
                .rule("![asr]|:", STRING)
                .rule("\\{", "interpolation", STRING)
                .rule("\\}", "#pop", STRING)
                .build();
    }

    private static void addRootState(RegexLexer.Builder lexer, RegexLexer.Action words, String digits, String decimal, String exponent) {
        lexer.state("root")
                .rule("^(:)(\\s*)((?i:[ru]{0,2})\"\"\"(?s:.*?)\"\"\")", PUNCTUATION, PLAIN, STRING)
                .rule("\\s+", PLAIN)
                .rule("#.*", COMMENT)
                // A decorator begins its line; elsewhere @ multiplies matrices (Rouge reads every @ as an operator).
                .rule("(?<=^[ \\t]{0,80})@" + DOTTED, META)
                .rule("[\\[\\]{}:(),;.]", PUNCTUATION)
                .rule("\\\\", PLAIN)
                .rule("(?:in|is|and|or|not)\\b", KEYWORD)
                .rule("(?:<<|>>|//|\\*\\*)=?|[-~+/*%=<>&^|@]=?|!=", PUNCTUATION)
                .rule("(from)((?:\\\\\\s|\\s)++)(" + DOTTED + ")((?:\\\\\\s|\\s)++)(import)", KEYWORD, PLAIN, TYPE, PLAIN, KEYWORD)
                .rule("(import)(\\s+)(" + DOTTED + ")", KEYWORD, PLAIN, TYPE)
                .rule("(def)((?:\\s|\\\\\\s)++)(" + ID + ")", KEYWORD, PLAIN, FUNCTION)
                .rule("(class)((?:\\s|\\\\\\s)++)(" + ID + ")", KEYWORD, PLAIN, TYPE)
                .rule("`.*?`", STRING);
    }
}
