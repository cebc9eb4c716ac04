package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;

/**
 * Configuration and data files: INI (sections, keys, values), Java properties and TOML after Rouge's
 * lexers; CSV, Apache's configuration, hosts files.
 */
final class ConfigLexer {
    private ConfigLexer() {}

    static final class Ini {
        static final RegexLexer LEXER = keyValue("[;#]", "[\\w\\-.]+", "=")
                .state("root")
                .include("basic")
                .rule("([\\w\\-.]+)(\\s*)(=)", "value", PLAIN, PLAIN, PUNCTUATION)
                .rule("\\[.*?\\]", TYPE)
                .build();
    }

    static final class Properties {
        static final RegexLexer LEXER = keyValue("[!#]", "[\\w.-]+", "[=:]")
                .state("root")
                .include("basic")
                .rule("([\\w.-]+)(\\s*)([=:])", "value", PLAIN, PLAIN, PUNCTUATION)
                .build();
    }

    /** The states INI and properties files share: comments, values, quoted strings. */
    private static RegexLexer.Builder keyValue(String comment, String key, String separator) {
        return new RegexLexer.Builder()
                .state("basic")
                .rule(comment + ".*\\n?", COMMENT)
                .rule("\\s+", PLAIN)
                .rule("\\\\\\n", STRING)
                .state("value")
                .rule("\\n", "#pop", PLAIN)
                .include("basic")
                .rule("\"", "double", STRING)
                .rule("'.*?'", STRING)
                .rule("(?s)\\\\.", STRING)
                .rule("[^\\\\\\n]+", STRING)
                .state("double")
                .rule("\"", "#pop", STRING)
                .rule("(?s)\\\\.", STRING)
                .rule("[^\\\\\"]+", STRING);
    }

    static final class Toml {
        private static final String KEY = "(?:\\S+|\"[^\"]+\"|'[^']+')";

        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .include("basic")
                .rule("(" + KEY + ")(\\s*)(=)", "value", PLAIN, PLAIN, PUNCTUATION)
                .state("basic")
                .rule("\\s+", PLAIN)
                .rule("#.*", COMMENT)
                .rule("true|false", LITERAL)
                .rule("(" + KEY + ")(\\s*)(=)(\\s*)(\\{)", "inline", TYPE, PLAIN, PUNCTUATION, PLAIN, PUNCTUATION)
                .rule("(?<!=)\\s*\\[\\S+\\]", TYPE)
                .rule("\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})?)?|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?", LITERAL)
                .rule("[+-]?\\d+(?:_\\d+)*\\.\\d+(?:_\\d+)*(?:[eE][+-]?\\d+(?:_\\d+)*)?|[+-]?\\d+(?:_\\d+)*[eE][+-]?\\d+(?:_\\d+)*|[+-]?(?:nan|inf)", NUMBER)
                .rule("0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0o[0-7]+(?:_[0-7]+)*|0b[01]+(?:_[01]+)*|[+-]?\\d+(?:_\\d+)*", NUMBER)
                .state("value")
                .rule("\\n", "#pop", PLAIN)
                .include("content")
                .state("content")
                .include("basic")
                .rule("(" + KEY + ")(\\s*)(=)", PLAIN, PLAIN, PUNCTUATION)
                .rule("\"\"\"", "multiDouble", STRING)
                .rule("\"", "double", STRING)
                .rule("'''", "multiSingle", STRING)
                .rule("'", "single", STRING)
                .rule("\\\\[0t\\tn\\n \"\\\\r]", STRING)
                .rule(",", PUNCTUATION)
                .rule("\\[", "array", PUNCTUATION)
                .state("double")
                .rule("\"", "#pop", STRING)
                .rule("\\n", "#pop", PLAIN)
                .rule("\\\\[0t\\tn\\n \"\\\\r]|[^\\\\\"\\n]+", STRING)
                .state("multiDouble")
                .rule("\"\"\"", "#pop", STRING)
                .rule("\\\\[0t\\tn\\n \"\\\\r]|[^\\\\\"]+|\"+", STRING)
                .state("single")
                .rule("'", "#pop", STRING)
                .rule("\\n", "#pop", PLAIN)
                .rule("[^'\\n]+", STRING)
                .state("multiSingle")
                .rule("'''", "#pop", STRING)
                .rule("[^']+|'+", STRING)
                .state("array")
                .include("content")
                .rule("\\]", "#pop", PUNCTUATION)
                .state("inline")
                .include("content")
                .rule("\\}", "#pop", PUNCTUATION)
                .build();
    }

    /** Comma- or semicolon-separated values: quoted fields, numbers, separators. */
    static final class Csv {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("\"(?:\"\"|[^\"])*+\"", STRING)
                .rule("[-+]?\\d+(?:[.,]\\d+)?(?:[eE][-+]?\\d+)?(?=[ \\t]*(?:[,;\\t|]|$))", NUMBER)
                .rule("[,;|]", PUNCTUATION)
                .rule("[^,;|\"\\n]+|\\n", PLAIN)
                .build();
    }

    /** Apache's configuration and .htaccess files: sections, directives, variables, flags. */
    static final class Apache {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("^[ \\t]*#.*", COMMENT)
                .rule("[ \\t\\r]+|\\n", PLAIN)
                .rule("(</?)(\\w+)([^>\\n]*)(>)", TAG, TAG, STRING, TAG)
                .rule("^([ \\t]*)([A-Za-z]\\w*)", PLAIN, KEYWORD)
                .rule("\"(?:\\\\.|[^\"\\\\\\n])*+\"", STRING)
                .rule("%\\{[^}\\n]*\\}|\\$\\d|\\$\\{[^}\\n]*\\}", VARIABLE)
                .rule("\\[[A-Za-z,=0-9 _-]+\\]", ATTRIBUTE)
                .rule("\\b\\d+\\b", NUMBER)
                .rule("(?i)\\b(?:on|off|all|none)\\b", LITERAL)
                .rule("[^\\s\"%$\\[]+|[%$\\[]", PLAIN)
                .build();
    }

    /** /etc/hosts: addresses, names, comments. */
    static final class Hosts {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("#.*", COMMENT)
                .rule("^[ \\t]*[0-9a-fA-F:.%]+(?=\\s)", NUMBER)
                .rule("\\s+|\\S+", PLAIN)
                .build();
    }
}
