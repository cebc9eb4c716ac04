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

import java.util.Locale;
import java.util.Map;

/**
 * Languages told apart mostly by their word lists (D, ActionScript, Protocol Buffers, Pascal and
 * Delphi, Fortran, Tcl, Visual Basic, Windows batch files, NSIS, SAS, VHDL): comments, strings,
 * numbers, keywords, types, builtins, literals, and a name before {@code (} as a call.
 */
final class KeywordLexer {
    private KeywordLexer() {}

    /** The parts one language's lexer is made of, the words in lower case where case does not matter. */
    private record Spec(String comments, String strings, boolean ignoreCase, Map<String, Kind> words, boolean calls) {}

    private static final String C_COMMENTS = "//.*|/\\*(?s:.*?)\\*/";
    private static final String C_STRINGS = "\"(?:\\\\.|[^\"\\\\])*+\"|'(?:\\\\.|[^'\\\\])*+'";

    private static RegexLexer build(Spec spec, RegexLexer.Builder extra) {
        RegexLexer.Action word = (run, start, end) -> {
            String text = run.text.substring(start, end);
            Kind kind = spec.words.get(spec.ignoreCase ? text.toLowerCase(Locale.ROOT) : text);
            if (kind == null) {
                kind = spec.calls && isCall(run.text, end) ? FUNCTION : PLAIN;
            }
            run.emit(kind, start, end);
        };
        RegexLexer.Builder lexer = extra == null ? new RegexLexer.Builder().state("root") : extra;
        // Comments first, and spaces never past a line end, so a comment rule can see where a line starts.
        return lexer.rule(spec.comments, COMMENT)
                .rule("[ \\t\\r\\f]+|\\n", PLAIN)
                .rule(spec.strings, STRING)
                .rule("(?i)0x[0-9a-f_]+[a-z]*|(?:\\d[\\d_]*\\.?[\\d_]*|\\.\\d+)(?:e[+-]?\\d+)?[a-z]*", NUMBER)
                .rule("[\\p{L}_][\\p{L}\\p{Nd}_]*", word)
                .rule("[-+*/%=<>!&|^~?:;,.()\\[\\]{}@#\\\\]+", PUNCTUATION)
                .build();
    }

    private static boolean isCall(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    static final class D {
        static final RegexLexer LEXER = build(new Spec("//.*|/\\*(?s:.*?)\\*/|/\\+(?s:.*?)\\+/",
                C_STRINGS + "|`[^`]*`|r\"[^\"]*\"", false, table(
                KEYWORD, """
                        abstract alias align asm assert auto body break case cast catch class const continue debug default
                        delegate delete deprecated do else enum export extern final finally for foreach foreach_reverse
                        function goto if immutable import in inout interface invariant is lazy macro mixin module new
                        nothrow out override package pragma private protected public pure ref return scope shared static
                        struct super switch synchronized template this throw try typeid typeof union unittest version
                        while with __gshared __traits __vector __parameters""",
                TYPE, """
                        bool byte cdouble cent cfloat char creal dchar double float idouble ifloat int ireal long real short
                        ubyte ucent uint ulong ushort void wchar string wstring dstring size_t ptrdiff_t""",
                LITERAL, "true false null"), true), null);
    }

    static final class ActionScript {
        static final RegexLexer LEXER = build(new Spec(C_COMMENTS, C_STRINGS, false, table(
                KEYWORD, """
                        as break case catch class const continue default delete do dynamic each else extends final finally
                        for function get if implements import in include instanceof interface internal is namespace native
                        new override package private protected public return set static super switch this throw try typeof
                        use var while with""",
                TYPE, "Array Boolean Date Error Function int Number Object String uint void XML XMLList Vector",
                BUILTIN, "trace",
                LITERAL, "true false null undefined NaN Infinity"), true), null);
    }

    static final class Protobuf {
        static final RegexLexer LEXER = build(new Spec(C_COMMENTS, C_STRINGS, false, table(
                KEYWORD, """
                        syntax edition import weak public package option message enum service rpc returns stream oneof map
                        extend extensions to max reserved optional required repeated""",
                TYPE, "double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool string bytes",
                LITERAL, "true false inf nan"), false), null);
    }

    static final class Pascal {
        static final RegexLexer LEXER = build(new Spec("//.*|\\{(?s:.*?)\\}|\\(\\*(?s:.*?)\\*\\)", "'(?:''|[^'\\n])*+'|#\\d+", true, table(
                KEYWORD, """
                        and array as asm begin case class const constructor destructor div do downto else end except exports
                        file finalization finally for function goto if implementation in inherited initialization inline
                        interface is label library mod not object of on or out packed procedure program property raise
                        record repeat resourcestring set shl shr then threadvar to try type unit until uses var while with
                        xor private protected public published strict override virtual abstract overload reintroduce
                        dynamic message forward external""",
                TYPE, """
                        integer cardinal shortint smallint longint int64 uint64 byte word longword char widechar ansichar
                        boolean real single double extended currency string ansistring widestring pointer variant""",
                BUILTIN, "writeln write readln read length setlength inc dec high low ord chr assigned freeandnil exit",
                LITERAL, "true false nil"), true), null);
    }

    static final class Fortran {
        static final RegexLexer LEXER = build(new Spec("!.*", "'(?:''|[^'\\n])*+'|\"(?:\"\"|[^\"\\n])*+\"", true, table(
                KEYWORD, """
                        program end subroutine function module submodule use implicit none parameter dimension allocatable
                        intent in out inout if then else elseif endif do enddo while call return stop contains print write
                        read format open close allocate deallocate select case default type class interface result recursive
                        pure elemental save data go to goto continue exit cycle where forall only public private optional
                        pointer target associate block procedure abstract extends""",
                TYPE, "integer real double precision complex logical character",
                BUILTIN, "abs sqrt sin cos tan exp log mod max min sum size shape allocated present len trim adjustl real int",
                LITERAL, ".true. .false."), true),
                new RegexLexer.Builder().state("root")
                        .rule("(?i)\\.(?:true|false)\\.", LITERAL)
                        .rule("(?i)\\.(?:and|or|not|eqv|neqv|eq|ne|lt|le|gt|ge)\\.", KEYWORD));
    }

    static final class Tcl {
        static final RegexLexer LEXER = build(new Spec("(?:^|(?<=;))[ \\t]*#.*", "\"(?:\\\\.|[^\"\\\\])*+\"", false, table(
                KEYWORD, """
                        proc set if else elseif then for foreach while return switch break continue catch error global
                        upvar uplevel namespace package variable unset try finally throw""",
                BUILTIN, """
                        expr puts list lappend lindex llength lrange lsort lsearch string array dict incr append eval info
                        open close gets read file regexp regsub format scan after exec source split join clock""",
                LITERAL, "true false yes no"), false),
                new RegexLexer.Builder().state("root")
                        .rule("\\$(?:\\{[^}]*\\}|[\\w:]+)", VARIABLE));
    }

    static final class VisualBasic {
        static final RegexLexer LEXER = build(new Spec("'.*|(?i:\\brem\\b).*", "\"(?:\"\"|[^\"\\n])*+\"c?|#[^#\\n]*#", true, table(
                KEYWORD, """
                        addhandler addressof alias and andalso as byref byval call case catch class const continue declare
                        default delegate dim directcast do each else elseif end endif enum erase error event exit finally
                        for friend function get gettype global gosub goto handles if implements imports in inherits
                        interface is isnot let lib like loop me mod module mustinherit mustoverride mybase myclass namespace
                        narrowing new next not notinheritable notoverridable of on operator option optional or orelse
                        overloads overridable overrides paramarray partial private property protected public raiseevent
                        readonly redim removehandler resume return select set shadows shared static step stop structure sub
                        synclock then throw to try trycast typeof using wend when while widening with withevents writeonly
                        xor async await yield""",
                TYPE, """
                        boolean byte char date decimal double integer long object sbyte short single string uinteger ulong
                        ushort variant""",
                BUILTIN, """
                        cbool cbyte cchar cdate cdbl cdec cint clng cobj csbyte cshort csng cstr ctype cuint culng cushort
                        msgbox console""",
                LITERAL, "true false nothing"), true),
                new RegexLexer.Builder().state("root")
                        .rule("^[ \\t]*#.*", META));
    }

    static final class Batch {
        static final RegexLexer LEXER = build(new Spec("(?i)(?:^|(?<=&))[ \\t@]*(?:rem\\b|::).*", "\"[^\"\\n]*\"", true, table(
                KEYWORD, """
                        if else goto call exit for in do not exist defined errorlevel equ neq lss leq gtr geq setlocal
                        endlocal enabledelayedexpansion shift""",
                BUILTIN, """
                        echo set cd chdir pushd popd pause start cls copy xcopy robocopy del erase move mkdir md rmdir rd type
                        dir ren rename title color choice timeout find findstr where"""), false),
                new RegexLexer.Builder().state("root")
                        .rule("^[ \\t]*:[\\w.-]+", ATTRIBUTE)
                        .rule("%%~?\\w|%~?[\\w]*%?|![\\w]+!|%[\\w-]+%", VARIABLE)
                        .rule("@", PUNCTUATION));
    }

    static final class Nsis {
        static final RegexLexer LEXER = build(new Spec(";.*|#.*|/\\*(?s:.*?)\\*/", "\"(?:\\$\\\\.|[^\"])*+\"|'[^']*'|`[^`]*`", true, table(
                KEYWORD, """
                        function functionend section sectionend sectiongroup sectiongroupend name outfile installdir
                        installdirregkey requestexecutionlevel page uninstpage file setoutpath writeregstr writeregdword
                        readregstr deleteregkey writeuninstaller messagebox delete rmdir createdirectory createshortcut exec
                        execwait strcmp intcmp intop goto return call abort quit setcompressor showinstdetails
                        showuninstdetails unicode var caption icon licensedata onfailure""",
                LITERAL, "true false on off"), false),
                new RegexLexer.Builder().state("root")
                        .rule("!\\w+", META)
                        .rule("\\$\\{[^}]*\\}|\\$\\w+", VARIABLE));
    }

    static final class Sas {
        static final RegexLexer LEXER = build(new Spec("/\\*(?s:.*?)\\*/|(?:^|(?<=;))[ \\t]*\\*[^;]*;", C_STRINGS, true, table(
                KEYWORD, """
                        data set run proc quit if then else do end output input infile cards datalines length format informat
                        label retain keep drop where by class var model tables means freq print sort sql select from create
                        table as libname filename options title footnote merge array to until while and or not in""",
                BUILTIN, "sum mean min max n nmiss std put substr trim left right upcase lowcase scan index catx intnx mdy today"), true),
                new RegexLexer.Builder().state("root")
                        .rule("%\\w+", META)
                        .rule("&\\w+\\.?", VARIABLE));
    }

    static final class Vhdl {
        static final RegexLexer LEXER = build(new Spec("--.*", "\"[^\"\\n]*\"|'.'|[xXbBoO]\"[^\"\\n]*\"", true, table(
                KEYWORD, """
                        library use entity is port generic in out inout buffer end architecture of begin signal variable
                        constant type subtype array record process if then elsif else case when others for loop while wait
                        until after report severity component map generate function procedure return not and or nand nor
                        xor xnor downto to select with alias attribute configuration package body impure pure range shared
                        file null""",
                TYPE, """
                        std_logic std_logic_vector std_ulogic std_ulogic_vector integer natural positive boolean bit bit_vector
                        unsigned signed real time character string""",
                BUILTIN, "rising_edge falling_edge to_integer to_unsigned to_signed resize now",
                LITERAL, "true false"), true), null);
    }
}
