package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.using;

/** Makefiles, after Rouge's lexer: variables, rules' targets and prerequisites, recipes as shell, make's functions. */
final class MakefileLexer {
    private MakefileLexer() {}

    private static final String FUNCTIONS = """
            abspath|addprefix|addsuffix|and|basename|call|dir|error|eval|file|filter|filter-out|findstring|firstword|
            flavor|foreach|if|join|lastword|notdir|or|origin|patsubst|realpath|shell|sort|strip|subst|suffix|value|
            warning|wildcard|word|wordlist|words""".replace("\n", "");

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\s+", PLAIN)
            .rule("#.*\\n", COMMENT)
            .rule("([-s]?include)((?:[\\t ]+[^\\t\\n #]+)+)", KEYWORD, STRING)
            .rule("(ifn?def|ifn?eq)([\\t ]+)([^#\\n]+)", KEYWORD, PLAIN, VARIABLE)
            .rule("(?:else|endif)[\\t ]*(?=[#\\n])", KEYWORD)
            .rule("(define)([\\t ]+)([^\\n]*\\n)((?s:.*?))(^endef\\b)", KEYWORD, PLAIN, VARIABLE, STRING, KEYWORD)
            .rule("(export)([\\t ]+)(?=[\\w${}()\\t -]+\\n)", "export", KEYWORD, PLAIN)
            .rule("export[\\t ]+", KEYWORD)
            .rule("([\\w${}().-]+)([\\t ]*)([!?:+]?=)", "shellLine", VARIABLE, PLAIN, PUNCTUATION)
            .rule("\"(?:\\\\\\\\|\\\\.|[^\"\\\\])*+\"|'(?:\\\\\\\\|\\\\.|[^'\\\\])*+'", STRING)
            .rule("([^\\n:]+)(:+)([ \\t]*)", "blockHeader", ATTRIBUTE, PUNCTUATION, PLAIN)
            .state("export")
            .rule("[\\w${}()-]", VARIABLE)
            .rule("\\n", "#pop", PLAIN)
            .rule("[\\t ]+", PLAIN)
            .state("blockHeader")
            .rule("[^,\\\\\\n#]+", FUNCTION)
            .rule(",", PUNCTUATION)
            .rule("#.*", COMMENT)
            .rule("\\\\\\n|\\\\.", PLAIN)
            .rule("\\n", "#pop blockBody", PLAIN)
            .state("blockBody")
            .rule("(ifn?def|ifn?eq)([\\t ]+)([^#\\n]+)(#.*)?(\\n)", KEYWORD, PLAIN, VARIABLE, COMMENT, PLAIN)
            .rule("(else|endif)([\\t ]*)(#.*)?(\\n)", KEYWORD, PLAIN, COMMENT, PLAIN)
            .rule("(\\t[\\t ]*)([@-]?)", "shellLine", PLAIN, PUNCTUATION)
            .rule("", "#pop")
            .state("shell")
            .rule("(?i)\\$[({][\\t ]*\\w[\\w:=%.]*[\\t ]*[)}]", VARIABLE)
            .rule("(\\$[({])([\\t ]*)(" + FUNCTIONS + ")([\\t ]+)", "shellExpression", FUNCTION, PLAIN, BUILTIN, PLAIN)
            .rule("\\$[<@^?*%+|]|\\$\\$", VARIABLE)
            .rule("(?s)\\\\.", using("shell"))
            .rule("(?s).+?(?=\\$\\(|\\$\\{|\\$[<@^?*%+|$]|\\(|\\)|\\}|\\\\|$)", using("shell"))
            .rule("\\$\\(|\\$\\{|\\(|\\)|\\}|\\\\", using("shell"))
            .state("shellExpression")
            .rule("[({]", "shellExpression", using("shell"))
            .rule("[)}]", "#pop", FUNCTION)
            .include("shell")
            .state("shellLine")
            .rule("\\n", "#pop", PLAIN)
            .include("shell")
            .build();
}
