package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.table;
import static dev.kiln.highlight.RegexLexer.words;

/** Rust, after Rouge's lexer: called functions, paths, macros, lifetimes, nested block comments. */
final class RustLexer {
    private RustLexer() {}

    private static final String ID = "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Pc}]*";
    private static final String ESCAPES = "\\\\(?:[nrt'\"\\\\0]|x[0-9a-fA-F]{2}|u\\{(?:[0-9a-fA-F]_*){1,6}\\})";
    private static final String SIZE = "(?:8|16|32|64|128|size)";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\n", "lineStart", PLAIN)
            .include("whitespace")
            .rule("#!?\\[", "attribute", META)
            .words("""
                    as async await break const continue crate dyn else enum extern false fn for if impl in let log loop
                    match mod move mut pub ref return self Self static struct super trait true type unsafe use where
                    while abstract become box do final macro override priv typeof unsized virtual yield try union""", KEYWORD)
            .include("literals")
            .rule("[=-]>|<->", KEYWORD)
            .rule("[()\\[\\]{}|,:;]", PUNCTUATION)
            .rule("[*/!@~&+%^<>=?-]|\\.{2,3}", PUNCTUATION)
            .rule("(?:[.]\\s*)?" + ID + "(?=\\s*[(])", FUNCTION)
            .rule("[.]\\s*await\\b", KEYWORD)
            .rule("[.]\\s*" + ID, PLAIN)
            .rule("[.]\\s*\\d+", ATTRIBUTE)
            .rule("(" + ID + ")(::)", TYPE, PUNCTUATION)
            .rule("\\bmacro_rules!", "macroRules", META)
            .rule(ID + "!", "macro", META)
            .rule("'static\\b", KEYWORD)
            .rule("'" + ID, VARIABLE)
            .rule(ID, words(table(BUILTIN, """
                    Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong Cons Const
                    Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR dirent Div Either
                    Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index ino_t int intptr_t Left mode_t
                    Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr ptrdiff_t Right Send Shl Shr size_t
                    Some ssize_t str Sub Success time_t u16 u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc Arc u128
                    i128 Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef
                    From Into Default DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator"""), PLAIN))
            .state("lineStart")
            .include("whitespace")
            .rule("#\\s[^\\n]*", COMMENT)
            .rule("", "#pop")
            .state("attribute")
            .include("whitespace")
            .include("literals")
            .rule("[(,)=:]", META)
            .rule("\\]", "#pop", META)
            .rule(ID, META)
            .state("whitespace")
            .rule("\\s+", PLAIN)
            .rule("//[^\\n]*|/\\*\\*\\*?/", COMMENT)
            .rule("/[*]", "blockComment", COMMENT)
            .state("blockComment")
            .rule("\\*/", "#pop", COMMENT)
            .rule("/\\*", "blockComment", COMMENT)
            .rule("[^*/]+|[*/]", COMMENT)
            // A macro's arguments run to the bracket that closes its first one.
            .state("macro")
            .include("literals")
            .rule("[\\[{(]", "#pop macroGroup", PUNCTUATION)
            .rule(ID + "!", META)
            .include("root")
            .rule(".", PLAIN)
            .state("macroGroup")
            .include("literals")
            .rule("[\\[{(]", "macroGroup", PUNCTUATION)
            .rule("[\\]})]", "#pop", PUNCTUATION)
            .rule(ID + "!", META)
            .include("root")
            .rule(".", PLAIN)
            .state("macroRules")
            .rule("[$]" + ID + "(?::" + ID + ")?|[$]", VARIABLE)
            .include("macro")
            .state("literals")
            .rule("\\b(?:true|false)\\b", LITERAL)
            .rule("b?'(?:" + ESCAPES + "|[^\\\\])'", STRING)
            .rule("b?\"", "string", STRING)
            .rule("b?r(#*)\"(?s:.*?)\"\\1", STRING)
            .rule("[0-9][0-9_]*(?:[.][0-9][0-9_]*(?:[eE][-+]?[0-9_]+)?(?:f32|f64)?|(?:[.][0-9][0-9_]*)?[eE][-+]?[0-9_]+(?:f32|f64)?"
                    + "|(?:[.][0-9][0-9_]*)?(?:[eE][-+]?[0-9_]+)?(?:f32|f64)|[.](?![._\\p{L}]))", NUMBER)
            .rule("(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u" + SIZE + "?|i" + SIZE + ")?", NUMBER)
            .state("string")
            .rule("\"", "#pop", STRING)
            .rule(ESCAPES + "|[^\"\\\\]+", STRING)
            .build();
}
