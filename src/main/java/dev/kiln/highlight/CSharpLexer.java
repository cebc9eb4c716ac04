package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;

/** C#, after Rouge's lexer: called and declared methods, interpolated strings' expressions lexed as code. */
final class CSharpLexer {
    private CSharpLexer() {}

    private static final String ID = "@?(?i:[_a-z])\\w*";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .include("whitespace")
            .rule("[$]\\s*\"", "spliceString", STRING)
            .rule("[$]@\\s*\"", "spliceLiteral", STRING)
            .rule("(?:<\\[)\\s*(?:" + ID + ":)?|\\]>", KEYWORD)
            .rule("[~!%^&*()+=|\\[\\]{}:;,.<>/?-]", PUNCTUATION)
            .rule("@\"(?:\"\"|[^\"])*+\"", STRING)
            .rule("\"(?:\\\\.|[^\"\\\\\\n])*+[\"\\n]", STRING)
            .rule("'(?:\\\\.|.)'", STRING)
            .rule("(?i)0x[0-9a-f]+[lu]?|[0-9](?:[.][0-9]*)?(?:e[+-][0-9]+)?[fldu]?", NUMBER)
            .rule("\\b(?:class|struct|interface)\\b", "className", KEYWORD)
            .rule("\\b(?:namespace|using)\\b", "namespace", KEYWORD)
            .rule("^#[ \\t]*(?:if|endif|else|elif|define|undef|line|error|warning|region|endregion|pragma)\\b.*?\\n", META)
            .words("""
                    abstract as base break case catch checked const continue default delegate do else enum event explicit
                    extern false finally fixed for foreach goto if implicit in interface internal is lock new null
                    operator out override params private protected public readonly ref return sealed sizeof stackalloc
                    static switch this throw true try typeof unchecked unsafe virtual void volatile while add alias
                    async await get global partial remove set value where yield nameof ascending by descending equals
                    from group in into join let on orderby select""", KEYWORD)
            .words("bool byte char decimal double dynamic float int long object sbyte short string uint ulong ushort var", TYPE)
            .rule(ID + "(?=\\s*[(])", FUNCTION)
            .rule(ID, PLAIN)
            .state("whitespace")
            .rule("\\s+", PLAIN)
            .rule("//.*|/[*](?s:.*?)[*]/", COMMENT)
            .state("nest")
            .rule("\\{", "nest", PUNCTUATION)
            .rule("\\}", "#pop", PUNCTUATION)
            .include("root")
            .state("spliceString")
            .rule("\\\\.", STRING)
            .rule("\\{", "nest", PUNCTUATION)
            .rule("\"|\\n", "#pop", STRING)
            .rule(".", STRING)
            .state("spliceLiteral")
            .rule("\"\"", STRING)
            .rule("\\{", "nest", PUNCTUATION)
            .rule("\"", "#pop", STRING)
            .rule("(?s:.)", STRING)
            .state("className")
            .include("whitespace")
            .rule(ID, "#pop", TYPE)
            .rule("", "#pop")
            .state("namespace")
            .include("whitespace")
            .rule("(?=[(])", "#pop", PLAIN)
            .rule("(?:" + ID + "|[.])++", "#pop", TYPE)
            .rule("", "#pop")
            .build();
}
