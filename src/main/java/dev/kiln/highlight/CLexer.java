package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.RegexLexer.table;
import static dev.kiln.highlight.RegexLexer.using;
import static dev.kiln.highlight.RegexLexer.words;

/** C and C++, after Rouge's lexers: preprocessor lines, declared functions, labels, C++ classes and templates. */
final class CLexer {
    private CLexer() {}

    static final class C {
        static final RegexLexer LEXER = build(false);
    }

    static final class Cpp {
        static final RegexLexer LEXER = build(true);
    }

    private static final String ID = "[a-zA-Z_][a-zA-Z0-9_]*";
    private static final String WS = "(?:\\s|//.*\\n|/[*](?s:.*?)[*]/)++";
    private static final String KEYWORDS = """
            auto break case const continue default do else enum extern for goto if register restricted return sizeof
            static struct switch typedef union volatile virtual while _Alignas _Alignof _Atomic _Generic _Imaginary
            _Noreturn _Static_assert _Thread_local""";
    private static final String CPP_KEYWORDS = """
            asm auto catch char8_t concept consteval constexpr constinit const_cast co_await co_return co_yield delete
            dynamic_cast explicit export friend mutable namespace new operator private protected public
            reinterpret_cast requires restrict size_of static_cast this throw throws typeid typename using virtual
            final override alignas alignof decltype noexcept static_assert thread_local try""";
    private static final String TYPES = """
            int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t mbstate_t sig_atomic_t
            fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t wctrans_t wint_t wctype_t _Bool
            _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t
            int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t
            int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t
            uintptr_t intmax_t uintmax_t char16_t char32_t""";
    private static final String RESERVED = """
            __asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec __finally __int61
            __try __leave inline _inline __inline naked _naked __naked restrict _restrict __restrict thread _thread
            __thread typename _typename __typename""";
    private static final String CPP_RESERVED = """
            __virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance __interface __event""";

    private static RegexLexer build(boolean cpp) {
        var word = words(table(KEYWORD, KEYWORDS + (cpp ? " " + CPP_KEYWORDS : ""),
                TYPE, TYPES + (cpp ? " bool" : ""),
                KEYWORD, RESERVED + (cpp ? " " + CPP_RESERVED : "")), PLAIN);
        String dq = "\\d(?:'?\\d)*";
        var lexer = new RegexLexer.Builder().startIn("lineStart")
                .state("root");
        if (cpp) {
            lexer.rule("(?:__offload|__blockingoffload|__outer)\\b", KEYWORD);
        }
        addRulesBeforeExpressionLineStartStates(lexer, cpp, word, dq);
        if (cpp) {
            lexer.rule("(?:class|struct)\\b", "className", KEYWORD)
                    .rule("template\\b", "template", KEYWORD)
                    .rule(dq + "(?:\\." + dq + ")?(?:y|d|h|min|s|ms|us|ns|i|if|il)\\b", NUMBER)
                    .rule("(?i)(?:" + dq + "[.](?:" + dq + ")?|[.]" + dq + ")(?:e[+-]?" + dq + "[lu]*)?", NUMBER)
                    .rule("(?i)" + dq + "e[+-]?" + dq + "[lu]*", NUMBER)
                    .rule("(?i)0x[0-9a-f](?:'?[0-9a-f])*[lu]*", NUMBER)
                    .rule("0b[01]+(?:'[01]+)*", NUMBER)
                    .rule("(?i)0[0-7](?:'?[0-7])*[lu]*", NUMBER)
                    .rule("(?i)" + dq + "[lu]*", NUMBER)
                    .rule("\\bnullptr\\b", BUILTIN)
                    .rule("(?:u8|u|U|L)?R\"([a-zA-Z0-9_{}\\[\\]#<>%:;.?*+\\-/^&|~!=,\"']{0,16})\\((?s:.*?)\\)\\1\"", STRING)
                    .rule("::|<=>", PUNCTUATION)
                    .rule("[{}]", PUNCTUATION);
        }
        addRulesBeforeCaseStates(lexer, cpp, word, dq);
        if (cpp) {
            lexer.state("className")
                    .rule(ID, "#pop", TYPE)
                    .include("whitespace")
                    .rule("[.]{3}", PUNCTUATION)
                    .rule(",", "#pop", PUNCTUATION)
                    .rule("", "#pop")
                    .state("template")
                    .rule("[>;]", "#pop", PUNCTUATION)
                    .rule("typename\\b", "className", KEYWORD)
                    .include("statements");
        }
        return lexer.build();
    }

    private static void addRulesBeforeExpressionLineStartStates(RegexLexer.Builder lexer, boolean cpp, RegexLexer.Action word, String dq) {
        lexer.include("expressionWhitespace")
                .rule("([\\w*\\s]+?[\\s*])(" + ID + ")(\\s*\\([^;]*?\\))((?:" + WS + ")?)(\\{)", "function",
                        using(cpp ? "cpp" : "c"), FUNCTION, using(cpp ? "cpp" : "c"), using(cpp ? "cpp" : "c"), PUNCTUATION)
                .rule("([\\w*\\s]+?[\\s*])(" + ID + ")(\\s*\\([^;]*?\\))((?:" + WS + ")?)(;)",
                        using(cpp ? "cpp" : "c"), FUNCTION, using(cpp ? "cpp" : "c"), using(cpp ? "cpp" : "c"), PUNCTUATION)
                .rule("\\{", "function", PUNCTUATION)
                .include("statements")
                .state("expressionLineStart")
                .include("inlineWhitespace")
                .rule("#if\\s0", "if0", COMMENT)
                .rule("#", "macro", META)
                .rule("", "#pop")
                .state("lineStart")
                .rule(ID + ":(?!:)", ATTRIBUTE)
                .include("expressionLineStart")
                .state("inlineWhitespace")
                .rule("[ \\t\\r]+|\\\\\\n", PLAIN)
                .rule("/(?:\\\\\\n)?[*](?s:.*?)[*](?:\\\\\\n)?/", COMMENT)
                .state("whitespace")
                .rule("\\n+", "lineStart", PLAIN)
                .rule("//(?:\\\\.|.)*+", "lineStart", COMMENT)
                .include("inlineWhitespace")
                .state("expressionWhitespace")
                .rule("\\n+", "expressionLineStart", PLAIN)
                .include("whitespace")
                .state("statements");
    }

    private static void addRulesBeforeCaseStates(RegexLexer.Builder lexer, boolean cpp, RegexLexer.Action word, String dq) {
        lexer.include("whitespace")
                .rule("(?:u8|u|U|L)?\"", "string", STRING)
                .rule("(?i)(?:u8|u|U|L)?'(?:\\\\.|\\\\[0-7]{1,3}|\\\\x[a-f0-9]{1,2}|[^\\\\'\\n])'", STRING)
                .rule("(?i)(?:\\d+[.]\\d*|[.]?\\d+)e[+-]?\\d+[lu]*|\\d+e[+-]?\\d+[lu]*|0x[0-9a-f]+[lu]*|0[0-7]+[lu]*|\\d+[lu]*", NUMBER)
                .rule("\\*/", PLAIN)
                .rule("[~!%^&*+=|?:<>/-]|[()\\[\\],.;]", PUNCTUATION)
                .rule("\\bcase\\b", "case", KEYWORD)
                .rule("(?:true|false|NULL)\\b", BUILTIN)
                .rule(ID, word)
                .state("case")
                .rule(cpp ? ":(?!:)" : ":", "#pop", PUNCTUATION)
                .include("statements")
                .state("function")
                .include("whitespace")
                .include("statements")
                .rule(";", PUNCTUATION)
                .rule("\\{", "function", PUNCTUATION)
                .rule("\\}", "#pop", PUNCTUATION)
                .state("string")
                .rule("\"", "#pop", STRING)
                .rule("\\\\(?:[\\\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})|[^\\\\\"\\n]+|\\\\\\n|\\\\", STRING)
                .state("macro")
                .rule("(include)(\\s*)(<[^>]+>)([^\\n]*)", META, PLAIN, STRING, COMMENT)
                .rule("(include)(\\s*)(\"[^\"]+\")([^\\n]*)", META, PLAIN, STRING, COMMENT)
                .rule("[^/\\n\\\\]+", META)
                .rule("\\\\(?:.|\\n)", META)
                .include("inlineWhitespace")
                .rule("/", META)
                .rule("\\n", "#pop", META)
                .state("if0")
                .rule("^\\s*#if", "if0", COMMENT)
                .rule("^\\s*#\\s*el(?:se|if)", "#pop", COMMENT)
                .rule("^\\s*#\\s*endif\\b(?s:.*?)(?<!\\\\)\\n", "#pop", COMMENT)
                .rule(".*?\\n", COMMENT);
    }
}
