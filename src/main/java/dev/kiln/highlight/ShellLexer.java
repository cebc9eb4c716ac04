package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.VARIABLE;

import java.util.Set;

/**
 * Shell scripts (sh, bash, zsh) and console sessions, after Rouge's lexers: variables, substitutions,
 * options, here-documents; in a session, what follows a prompt is a command, other lines output.
 */
final class ShellLexer {
    private ShellLexer() {}

    private static final Set<String> KEYWORDS = RegexLexer.wordSet(
            "if fi else while do done for then return function select continue until esac elif in");
    private static final Set<String> BUILTINS = RegexLexer.wordSet("""
            alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval exec exit
            export false fc fg getopts hash help history jobs let local logout mapfile popd pushd pwd read readonly
            set shift shopt source suspend test time times trap true type typeset ulimit umask unalias unset wait cat
            tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum sha1sum sha224sum
            sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir
            vdir dircolors cp dd install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp
            chmod touch df du stat sync truncate echo printf yes expr tee basename dirname pathchk mktemp realpath
            pwd stty printenv tty id logname whoami groups users who date arch nproc uname hostname hostid uptime
            chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed
            gzip gunzip""");

    /** A here-document's lines: text, with the variables and substitutions of a double-quoted string. */
    private static final RegexLexer HERE_DOCUMENT = new RegexLexer.Builder().state("root")
            .rule("\\$#?(?:\\w+|\\{[^}\\n]*\\})", VARIABLE)
            .rule("[^$\\\\]+|[$\\\\]", STRING)
            .build();

    static final RegexLexer SHELL = new RegexLexer.Builder().state("root")
            .include("basic")
            .include("data")
            .state("basic")
            .rule("#.*", COMMENT)
            .ruleIn(KEYWORDS, "\\b\\w+\\s*\\b", "", KEYWORD)
            .rule("\\bcase\\b", "case", KEYWORD)
            .ruleIn(BUILTINS, "\\b\\w+\\s*\\b(?![.-])", "", BUILTIN)
            .rule("[.](?=\\s)", BUILTIN)
            .rule("(\\b\\w+)(=)", VARIABLE, PUNCTUATION)
            .rule("[\\[\\]{}()!=>]|&&|\\|\\||<<<", PUNCTUATION)
            .rule("(<<-?)(\\s*)(['\"]?)(\\\\?)(\\w+)(\\3)(.*\\n(?s:.*?)^)([ \\t]*\\5[ \\t]*)$",
                    PUNCTUATION, PLAIN, STRING, STRING, LITERAL, STRING, here(), LITERAL)
            .rule("(<<-?)(\\s*)(['\"]?)(\\\\?)(\\w+)(\\3)((?s:.*))", PUNCTUATION, PLAIN, STRING, STRING, LITERAL, STRING, here())
            .state("doubleQuotes")
            .rule("(?:\\$#?)?\"", "#pop", STRING)
            .include("interpolation")
            .rule("[^\"`\\\\$]+", STRING)
            .state("ansiString")
            .rule("\\\\.", STRING)
            .rule("[^\\\\']+", STRING)
            .include("singleQuotes")
            .state("singleQuotes")
            .rule("'", "#pop", STRING)
            .rule("[^']+", STRING)
            .state("data")
            .rule("\\s+", PLAIN)
            .rule("\\\\.", STRING)
            .rule("\\$?\"", "doubleQuotes", STRING)
            .rule("\\$'", "ansiString", STRING)
            .rule("'", "singleQuotes", STRING)
            .rule("\\*", KEYWORD)
            .rule(";", PUNCTUATION)
            .rule("--?[\\w-]+", TAG)
            .rule("[^=*\\s{}()$\"'`;\\\\<]+", PLAIN)
            .rule("\\d+(?= |\\z)", NUMBER)
            .rule("<", PLAIN)
            .include("interpolation")
            .state("curly")
            .rule("\\}", "#pop", KEYWORD)
            .rule(":-", KEYWORD)
            .rule("[a-zA-Z0-9_]+", VARIABLE)
            .rule("[^}:\"`'$]+", PUNCTUATION)
            .include("root")
            .state("parenInterpolation")
            .rule("\\)", "#pop", STRING)
            .rule("\\(", "parenInner", PUNCTUATION)
            .include("root")
            .state("parenInner")
            .rule("\\(", "parenInner", PUNCTUATION)
            .rule("\\)", "#pop", PUNCTUATION)
            .include("root")
            .state("math")
            .rule("\\)\\)", "#pop", KEYWORD)
            .rule("[-+*/%^|&!]|\\*\\*|\\|\\|", PUNCTUATION)
            .rule("\\d+(?:#\\w+)?", NUMBER)
            .include("root")
            .state("case")
            .rule("\\besac\\b", "#pop", KEYWORD)
            .rule("\\|", PUNCTUATION)
            .rule("\\)", "caseStanza", PUNCTUATION)
            .include("root")
            .state("caseStanza")
            .rule(";;", "#pop", PUNCTUATION)
            .include("root")
            .state("backticks")
            .rule("`", "#pop", STRING)
            .include("root")
            .state("interpolation")
            .rule("\\\\$|\\\\.", STRING)
            .rule("\\$\\(\\(", "math", KEYWORD)
            .rule("\\$\\(", "parenInterpolation", STRING)
            .rule("\\$\\{#?", "curly", KEYWORD)
            .rule("`", "backticks", STRING)
            .rule("\\$#?(?:\\w+|.)|\\$[*@]", VARIABLE)
            .build();

    private static RegexLexer.Action here() {
        return (run, start, end) -> run.delegate(HERE_DOCUMENT, start, end);
    }

    /** A session: a line with a prompt ({@code $}, {@code #}, {@code >} or {@code ;}) holds a command; others are output. */
    static final class Console {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("^[ \\t]*(?:<[.]+>|[.]+)[ \\t]*$", COMMENT)
                .rule("^(.*?[$#>;])([ \\t]*)(.*)", META, PLAIN, (run, start, end) -> run.delegate(SHELL, start, end))
                .rule(".+", PLAIN)
                .build();
    }
}
