package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;

/**
 * YAML, classed as Rouge classes it: keys as attributes, scalars as strings, numbers, booleans and
 * null as literals, block scalars ({@code |}, {@code >}) to the end of their indentation, anchors,
 * aliases, flow collections' items as variables, document markers.
 */
final class YamlLexer {
    private YamlLexer() {}

    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*+\"|'(?:[^']|'')*+'";
    private static final String PLAIN_KEY = "[^\\s\\[\\]{},#&*!|>'\"%@`?:-](?:[^\\n#:]++|:(?=\\S)|(?<=\\S)#)*+|-(?=\\S)(?:[^\\n#:]++|:(?=\\S))*+";
    private static final String KEY = "(?:\"(?:[^\"\\\\\\n]|\\\\.)*+\"|'(?:[^'\\n]|'')*+'|" + PLAIN_KEY + ")";
    /** What ends a scalar on its line: the line end, or a comment. */
    private static final String SCALAR_END = "(?=[ \\t]*(?:[ \\t]#.*)?$)";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("[ \\t]+|\\n", PLAIN)
            .rule("^(?:---|\\.\\.\\.)(?=[ \\t]|$)", TYPE)
            .rule("^%.*", META)
            .rule("#.*", COMMENT)
            // A block scalar's key line, then its lines; the lookahead fails fast on lines without | or >.
            .rule("^(?=[^\\n]*[|>])([ \\t]*)((?:-[ \\t]+)*)(?:(" + KEY + ")([ \\t]*)(:)([ \\t]+))?(?:(&\\S+)([ \\t]+))?([|>][-+0-9]*)([ \\t]+#.*)?"
                    + "((?:\\n(?:[ \\t]*(?=\\n)|\\1[ \\t]+.*))*+)",
                    PLAIN, PUNCTUATION, ATTRIBUTE, PLAIN, PUNCTUATION, PLAIN, ATTRIBUTE, PLAIN, PUNCTUATION, COMMENT, STRING)
            .rule("[-?](?=[ \\t]|$)", PUNCTUATION)
            .rule("(" + KEY + ")([ \\t]*)(:)(?=[ \\t]|$)", ATTRIBUTE, PLAIN, PUNCTUATION)
            .rule(":(?=[ \\t]|$)", PUNCTUATION)
            .include("nodes")
            .rule("[\\[{]", "flow", PUNCTUATION)
            .rule("(?:true|false|yes|no|on|off|null|True|False|TRUE|FALSE|Yes|No|YES|NO|On|Off|Null|NULL)" + SCALAR_END, LITERAL)
            .rule("[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+|\\.(?:inf|Inf|INF|nan|NaN|NAN))"
                    + SCALAR_END, NUMBER)
            .rule("[^\\s#][^\\n]*?(?=[ \\t]+#|[ \\t]*$)", STRING)
            .state("nodes")
            .rule("&[^\\s,\\[\\]{}]+", ATTRIBUTE)
            .rule("\\*[^\\s,\\[\\]{}]+", VARIABLE)
            .rule("!!?[\\w./:-]*", TYPE)
            .rule(QUOTED, STRING)
            .state("flow")
            .rule("\\s+", PLAIN)
            .rule("#.*", COMMENT)
            .rule("[\\[{]", "flow", PUNCTUATION)
            .rule("[\\]}]", "#pop", PUNCTUATION)
            .rule("[,?]|:(?=[\\s,\\]}]|$)", PUNCTUATION)
            .include("nodes")
            .rule("[^\\s,\\[\\]{}#'\"](?:[ \\t]*(?:[^\\s,\\[\\]{}:]|:(?=[^\\s,\\]}])))*", VARIABLE)
            .build();
}
