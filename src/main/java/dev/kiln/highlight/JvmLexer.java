package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
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
import static dev.kiln.highlight.RegexLexer.using;
import static dev.kiln.highlight.RegexLexer.words;

/** Scala, Groovy and Dart, after Rouge's lexers: declared and called functions, types, members. */
final class JvmLexer {
    private JvmLexer() {}

    static final class Scala {
        private static final String LETTER = "[\\p{L}$_]";
        private static final String OP = "(?:(?![\\p{IsWhite_Space}\\p{L}$_0-9(){}\\[\\]‘’\".;,])[\\u0020-\\u007F\\p{Sm}\\p{So}])";
        private static final String ID = LETTER + "[\\p{L}$_0-9]*+(?:(?<=_)" + OP + "+)?";
        private static final String NAME = "(?:" + ID + "|" + OP + "+|`[^`]+`)";
        private static final String TYPE_CHUNK = "(?:" + ID + "|" + OP + "+`[^`]+`)";

        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("(class|trait|object)(\\s+)", "className", KEYWORD, PLAIN)
                .rule("'" + ID + "(?!')", LITERAL)
                .rule("[^\\S\\n]+", PLAIN)
                .rule("//.*", COMMENT)
                .rule("/\\*", "comment", COMMENT)
                .rule("@" + ID, META)
                .rule("(def)(\\s+)(" + NAME + ")(\\s*)", KEYWORD, PLAIN, FUNCTION, PLAIN)
                .rule("(val)(\\s+)(" + NAME + ")(\\s*)", KEYWORD, PLAIN, VARIABLE, PLAIN)
                .rule("(this)(\\n*)(\\.)(" + ID + ")", KEYWORD, PLAIN, PUNCTUATION, PLAIN)
                .rule("(" + ID + "|_)(\\n*)(\\.)(" + ID + ")", VARIABLE, PLAIN, PUNCTUATION, PLAIN)
                .rule("[\\p{Lu}$_]" + ID + "\\b", TYPE)
                .rule("(" + ID + ")(\\p{IsWhite_Space}*)(\\()", FUNCTION, PLAIN, PUNCTUATION)
                .rule("(\\.)(" + ID + ")", PUNCTUATION, PLAIN)
                .words("""
                        abstract case catch def do else extends final finally for forSome if implicit lazy match new
                        override private protected requires return sealed super this throw try val var while with yield""", KEYWORD)
                .rule("(?:<[%:-]|=>|>:|[#=@_\\u21D2\\u2190])(?:\\b|(?=\\s)|$)", KEYWORD)
                .rule(":(?!" + OP + ")", "type", KEYWORD)
                .rule("(?:true|false|null)\\b", LITERAL)
                .rule("(import|package)(\\s+)", "import", KEYWORD, PLAIN)
                .rule("(type)(\\s+)", "type", KEYWORD, PLAIN)
                .rule("\"\"\"(?s:.*?)\"\"\"(?!\")", STRING)
                .rule("\"(?:\\\\\\\\|\\\\\"|[^\"])*+\"", STRING)
                .rule("'\\\\.'|'[^\\\\]'|'\\\\u[0-9a-fA-F]{4}'", STRING)
                .rule(ID + "|`[^`]+`", PLAIN)
                .rule("\\[", "typeParameter", PUNCTUATION)
                .rule("[(){};,.#]|" + OP + "+", PUNCTUATION)
                .rule("(?:[0-9][0-9]*\\.[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?|[0-9][0-9]*[fFdD]|0x[0-9a-fA-F]+|[0-9]+L?", NUMBER)
                .rule("\\n", PLAIN)
                .state("className")
                .rule("(" + NAME + ")(\\s*)(\\[)", "#pop typeParameter", TYPE, PLAIN, PUNCTUATION)
                .rule("\\s+", PLAIN)
                .rule("[{(]", "#pop", PUNCTUATION)
                .rule("//.*", "#pop", COMMENT)
                .rule(NAME, "#pop", TYPE)
                .rule("", "#pop")
                .state("type")
                .rule("\\s+", PLAIN)
                .rule("<[%:]|>:|[#_\\u21D2]|forSome|type", KEYWORD)
                .rule("([,);}]|=>|=)(\\s*)", "#pop", PUNCTUATION, PLAIN)
                .rule("[({]", "type", PUNCTUATION)
                .rule("(" + TYPE_CHUNK + "(?:\\." + TYPE_CHUNK + ")*)(\\s*)(\\[)", "#pop typeParameter", TYPE, PLAIN, PUNCTUATION)
                .rule("(" + TYPE_CHUNK + "(?:\\." + TYPE_CHUNK + ")*)(\\s*)$", "#pop", TYPE, PLAIN)
                .rule("//.*", "#pop", COMMENT)
                .rule("\\.|" + ID + "|" + OP + "+|`[^`]+`", TYPE)
                .rule("", "#pop")
                .state("typeParameter")
                .rule("[\\s,]+", PLAIN)
                .rule("<[%:]|=>|>:|[#_\\u21D2]|forSome|type", KEYWORD)
                .rule("[\\])}]", "#pop", PUNCTUATION)
                .rule("[(\\[{]", "typeParameter", PUNCTUATION)
                .rule("\\.|" + ID + "|" + OP + "+|`[^`]+`", TYPE)
                .rule("", "#pop")
                .state("comment")
                .rule("/\\*", "comment", COMMENT)
                .rule("\\*/", "#pop", COMMENT)
                .rule("[^/*]+|[*/]", COMMENT)
                .state("import")
                .rule("(?:" + ID + "|\\.)++", "#pop", TYPE)
                .rule("", "#pop")
                .build();
    }

    static final class Groovy {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("^(?=[\\w\\s.\\[\\]]*+\\()(\\s*+(?:\\w[\\w.\\[\\]]*+\\s++)+?)(\\w\\w*)(\\s*)(\\()", using("groovy"), FUNCTION, PLAIN, PUNCTUATION)
                .rule("[^\\S\\n]+", PLAIN)
                .rule("//.*|/[*](?s:.*?)[*]/", COMMENT)
                .rule("@\\w[\\w.]*", META)
                .rule("(class|interface|trait)\\b", "className", KEYWORD)
                .rule("(?:package|import)\\b", "import", KEYWORD)
                .rule("\"\"\"(?s:.*?)\"\"\"|'''(?s:.*?)'''", STRING)
                .rule("\"(?:\\\\(?s:.)|[^\"\\\\\\n])*+\"|'(?:\\\\(?s:.)|[^'\\\\\\n])*+'", STRING)
                .rule("\\$/(?s:.*?)/\\$|/(?:\\\\(?s:.)|[^/\\\\\\n])*+/", STRING)
                .rule("(\\.)([a-zA-Z_][a-zA-Z0-9_]*)", PUNCTUATION, ATTRIBUTE)
                .rule("[a-zA-Z_][a-zA-Z0-9_]*:", ATTRIBUTE)
                .rule("[a-zA-Z_$][a-zA-Z0-9_]*", words(table(
                        KEYWORD, """
                                assert break case catch continue default do else finally for if goto instanceof new return
                                switch this throw try while in as abstract const enum extends final implements native
                                private protected public static strictfp super synchronized throws transient volatile""",
                        TYPE, "def boolean byte char double float int long short void",
                        LITERAL, "true false null"), PLAIN))
                .rule("[~^*!%&\\[\\](){}<>|+=:;,./?-]", PUNCTUATION)
                .rule("\\d+\\.\\d+(?:[eE]\\d+)?[fd]?|0x[0-9a-f]+|[0-9]+L?", NUMBER)
                .rule("\\n", PLAIN)
                .state("className")
                .rule("\\s+", PLAIN)
                .rule("\\w\\w*", "#pop", TYPE)
                .rule("", "#pop")
                .state("import")
                .rule("\\s+", PLAIN)
                .rule("[\\w.]+[*]?", "#pop", TYPE)
                .rule("", "#pop")
                .build();
    }

    static final class Dart {
        private static final String ID = "[a-zA-Z_]\\w*";

        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("^(?=[\\w\\s.\\[\\]]*+\\()(\\s*+(?:[a-zA-Z_][a-zA-Z\\d_.\\[\\]]*+\\s++)+?)([a-zA-Z_]\\w*)(\\s*)(\\()", using("dart"), FUNCTION, PLAIN, PUNCTUATION)
                .rule("\\s+", PLAIN)
                .rule("//.*|/\\*(?s:.*?)\\*/", COMMENT)
                .rule("\"", "double", STRING)
                .rule("'", "single", STRING)
                .rule("r\"[^\"]*\"|r'[^']*'", STRING)
                .rule("#(?:" + ID + ")*", LITERAL)
                .rule("@" + ID, META)
                .words("as assert await break case catch continue default do else finally for if in is new rethrow return super switch this throw try while with yield", KEYWORD)
                .words("abstract async dynamic const covariant external extends factory final get implements late native on operator required set static sync typedef var", KEYWORD)
                .words("bool Comparable double Dynamic enum Function int List Map Never Null num Object Pattern Set String Symbol Type Uri void", TYPE)
                .rule("(?:true|false|null)\\b", LITERAL)
                .rule("(?:class|interface|mixin)\\b", "className", KEYWORD)
                .rule("(?:import|deferred|export|library|part\\s*of|part|source)\\b", "import", KEYWORD)
                .rule("(\\.)(" + ID + ")", PUNCTUATION, ATTRIBUTE)
                .rule(ID + ":", ATTRIBUTE)
                .rule("\\$?" + ID, PLAIN)
                .rule("[~^*!%&|+=:/?-]|[\\[\\](){}<>.,;]", PUNCTUATION)
                .rule("\\d*\\.\\d+(?:[eE]-?\\d+)?|0x[\\da-fA-F]+|\\d+L?", NUMBER)
                .state("className")
                .rule("\\s+", PLAIN)
                .rule(ID, "#pop", TYPE)
                .rule("", "#pop")
                .state("double")
                .rule("\"", "#pop", STRING)
                .rule("[^\\\\$\"]+", STRING)
                .include("string")
                .state("single")
                .rule("'", "#pop", STRING)
                .rule("[^\\\\$']+", STRING)
                .include("string")
                .state("import")
                .rule(";", "#pop", PUNCTUATION)
                .rule("(?:show|hide)\\b", KEYWORD)
                .include("root")
                .state("string")
                .rule("\\$" + ID + "|\\$\\{[^}]+\\}|\\\\[nrt\"'\\\\]", STRING)
                .rule("[\\\\$]", STRING)
                .build();
    }
}
