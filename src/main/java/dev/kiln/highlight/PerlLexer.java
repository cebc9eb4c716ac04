package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.REGEX;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;

/** Perl, after Rouge's lexer: sigils, regular expressions and substitutions, quote-like operators, POD. */
final class PerlLexer {
    private PerlLexer() {}

    private static final java.util.Set<String> KEYWORDS = RegexLexer.wordSet("""
            case continue do else elsif for foreach if last my next our redo reset then unless until while use print new
            BEGIN CHECK INIT END return""");
    private static final java.util.Set<String> BUILTINS = RegexLexer.wordSet("""
            abs accept alarm atan2 bind binmode bless caller chdir chmod chomp chop chown chr chroot close closedir
            connect continue cos crypt dbmclose dbmopen defined delete die dump each endgrent endhostent endnetent
            endprotoent endpwent endservent eof eval exec exists exit exp fcntl fileno flock fork format formline getc
            getgrent getgrgid getgrnam gethostbyaddr gethostbyname gethostent getlogin getnetbyaddr getnetbyname
            getnetent getpeername getpgrp getppid getpriority getprotobyname getprotobynumber getprotoent getpwent
            getpwnam getpwuid getservbyname getservbyport getservent getsockname getsockopt glob gmtime goto grep hex
            import index int ioctl join keys kill last lc lcfirst length link listen local localtime log lstat map
            mkdir msgctl msgget msgrcv msgsnd my next no oct open opendir ord our pack package pipe pop pos printf
            prototype push quotemeta rand read readdir readline readlink readpipe recv redo ref rename require reverse
            rewinddir rindex rmdir scalar seek seekdir select semctl semget semop send setgrent sethostent setnetent
            setpgrp setpriority setprotoent setpwent setservent setsockopt shift shmctl shmget shmread shmwrite
            shutdown sin sleep socket socketpair sort splice split sprintf sqrt srand stat study substr symlink
            syscall sysopen sysread sysseek system syswrite tell telldir tie tied time times tr truncate uc ucfirst
            umask undef unlink unpack unshift untie utime values vec wait waitpid wantarray warn write""");
    private static final String[][] BRACKETS = {{"cb", "\\{", "\\}"}, {"rb", "\\(", "\\)"}, {"sb", "\\[", "\\]"}, {"lt", "<", ">"}};

    static final RegexLexer LEXER = build();

    private static RegexLexer build() {
        var lexer = new RegexLexer.Builder();
        addBalancedRegexStates(lexer);
        for (String[] bracket : BRACKETS) {
            lexer.rule("(?:q|qq|qw|qr|qx)" + bracket[1], bracket[0], STRING);
        }
        addRulesBeforeFormatStates(lexer);
        addDoubleStates(lexer);
        for (String[] bracket : BRACKETS) {
            String open = bracket[1];
            String close = bracket[2];
            lexer.state(bracket[0])
                    .rule("\\\\[" + open + close + "\\\\]|\\\\", STRING)
                    .rule(open, bracket[0], STRING)
                    .rule(close, "#pop", STRING)
                    .rule("[^" + open + close + "\\\\]+", STRING);
        }
        return lexer.build();
    }

    private static void addBalancedRegexStates(RegexLexer.Builder lexer) {
        lexer.state("balancedRegex")
                .rule("/(?:\\\\[\\\\/]|[^/])*+/[egimosx]*", "#pop", REGEX)
                .rule("!(?:\\\\[\\\\!]|[^!])*+![egimosx]*", "#pop", REGEX)
                .rule("\\\\(?:\\\\\\\\|[^\\\\])*+\\\\[egimosx]*", "#pop", REGEX)
                .rule("\\{(?:\\\\[\\\\}]|[^}])*+}[egimosx]*", "#pop", REGEX)
                .rule("<(?:\\\\[\\\\>]|[^>])*+>[egimosx]*", "#pop", REGEX)
                .rule("\\[(?:\\\\[\\\\\\]]|[^\\]])*+\\][egimosx]*", "#pop", REGEX)
                .rule("\\((?:\\\\[\\\\)]|[^)])*+\\)[egimosx]*", "#pop", REGEX)
                .rule("@(?:\\\\[\\\\@]|[^@])*+@[egimosx]*", "#pop", REGEX)
                .rule("%(?:\\\\[\\\\%]|[^%])*+%[egimosx]*", "#pop", REGEX)
                .rule("\\$(?:\\\\[\\\\$]|[^$])*+\\$[egimosx]*", "#pop", REGEX)
                .rule("", "#pop")
                .state("root")
                .rule("#.*", COMMENT)
                .rule("^=[a-zA-Z0-9]+\\s+(?s:.*?)\\n=cut", COMMENT)
                .ruleIn(KEYWORDS, "\\w+\\b", "", KEYWORD)
                .rule("(format)(\\s+)([a-zA-Z0-9_]+)(\\s*)(=)(\\s*\\n)", "format", KEYWORD, PLAIN, PLAIN, PLAIN, PUNCTUATION, PLAIN)
                .rule("(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\\b", KEYWORD)
                .rule("(?:s|tr|y)\\{(?:\\\\\\\\|\\\\}|[^}])*+}\\s*", "balancedRegex", REGEX)
                .rule("(?:s|tr|y)<(?:\\\\\\\\|\\\\>|[^>])*+>\\s*", "balancedRegex", REGEX)
                .rule("(?:s|tr|y)\\[(?:\\\\\\\\|\\\\\\]|[^\\]])*+\\]\\s*", "balancedRegex", REGEX)
                .rule("(?:s|tr|y)\\((?:\\\\\\\\|\\\\\\)|[^)])*+\\)\\s*", "balancedRegex", REGEX)
                .rule("(?:s|tr|y)\\s*([^\\w\\s])(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1[msixpodualngcr]*", REGEX)
                .rule("(?:s|tr|y)\\s+(\\w)(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1[msixpodualngcr]*", REGEX)
                .rule("m?/(?:\\\\\\\\|\\\\/|[^/\\n])*+/[msixpodualngc]*", REGEX)
                .rule("m(?=[/!\\\\{<\\[(@%$])", "balancedRegex", REGEX)
                .rule("m\\s*([^\\w\\s])(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1[msixpodualngc]*", REGEX)
                .rule("m\\s+(\\w)(?:\\\\(?s:.)|(?!\\1)(?s:.))*+\\1[msixpodualngc]*", REGEX)
                .rule("(?:(?<==~)|(?<=\\())\\s*/(?:\\\\\\\\|\\\\/|[^/])*+/[msixpodualngc]*", "balancedRegex", REGEX)
                .rule("\\s+", PLAIN)
                .rule("(?i)(?=[a-z_]\\w*(?:\\s*#.*\\n)*\\s*=>)", "fatComma")
                .ruleIn(BUILTINS, "\\w+\\b", "", BUILTIN)
                .rule("(?:__(?:DIE|WARN)__|DATA|STD(?:IN|OUT|ERR))\\b", BUILTIN)
                .rule("<<(['\"]?)([a-zA-Z_][a-zA-Z0-9_]*)\\1;?\\n(?s:.*?)\\n\\2\\n", STRING)
                .rule("__(?:END|DATA)__\\b(?s:.*)", META)
                .rule("\\$\\^[ADEFHILMOPSTWX]|\\$[\\\\\"'\\[\\]&`+*.,;=%~?@$!<>(^|/_-](?!\\w)", VARIABLE)
                .rule("(?i)[$@%&*][$@%&*#_]*(?=[a-z{\\[;])", "variableName", VARIABLE)
                .rule("[-+/*%=<>&^|!\\\\~]=?", PUNCTUATION)
                .rule("0_?[0-7]+(?:_[0-7]+)*|0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*|0b[01]+(?:_[01]+)*", NUMBER)
                .rule("(?i)(?:\\d*(?:_\\d*)*\\.\\d+(?:_\\d*)*|\\d+(?:_\\d*)*\\.\\d+(?:_\\d*)*)(?:e[+-]?\\d+)?|\\d+(?:_\\d*)*e[+-]?\\d+(?:_\\d*)*", NUMBER)
                .rule("\\d+(?:_\\d+)*", NUMBER)
                .rule("'", "single", PUNCTUATION)
                .rule("\"", "double", PUNCTUATION)
                .rule("`", "backtick", PUNCTUATION)
                .rule("<(?:[^\\s>]+)>", REGEX);
    }

    private static void addRulesBeforeFormatStates(RegexLexer.Builder lexer) {
        lexer.rule("(?:q|qq|qw|qr|qx)(\\W)(?s:.)*?\\1", STRING)
                .rule("package\\s+", "moduleName", KEYWORD)
                .rule("sub\\s+", "functionName", KEYWORD)
                .rule("\\[\\]|\\*\\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\\|\\||\\.{1,3}", PUNCTUATION)
                .rule("[()\\[\\]:;,<>/?{}]", PUNCTUATION)
                .rule("(?=\\w)", "name")
                .state("format")
                .rule("\\.\\n", "#pop", STRING)
                .rule(".*?\\n", STRING)
                .state("fatComma")
                .rule("#.*", COMMENT)
                .rule("\\w+", STRING)
                .rule("\\s+", PLAIN)
                .rule("=>", "#pop", PUNCTUATION)
                .rule("", "#pop")
                .state("nameCommon")
                .rule("\\w+::", TYPE)
                .rule("[\\w:]+", "#pop", VARIABLE)
                .state("variableName")
                .rule("\\s+", PLAIN)
                .rule("[{\\[),;]", "#pop", PUNCTUATION)
                .include("nameCommon")
                .rule("", "#pop")
                .state("name")
                .include("nameCommon")
                .rule("[A-Z_]+(?=[^a-zA-Z0-9_])", "#pop", LITERAL)
                .rule("(?=\\W)", "#pop")
                .rule("", "#pop")
                .state("moduleName")
                .rule("(?i)[a-z_]\\w*", "#pop", TYPE)
                .rule("", "#pop")
                .state("functionName")
                .rule("[a-zA-Z_]\\w*[!?]?", FUNCTION)
                .rule("\\s+", PLAIN)
                .rule("(\\([$@%]*\\))(\\s*)", PUNCTUATION, PLAIN)
                .rule(".*?\\{", "#pop", PUNCTUATION)
                .rule(";", "#pop", PUNCTUATION)
                .rule("", "#pop")
                .state("single")
                .rule("\\\\[\\\\']|[^\\\\']+|\\\\", STRING)
                .rule("'", "#pop", PUNCTUATION);
    }

    private static void addDoubleStates(RegexLexer.Builder lexer) {
        lexer.state("double")
                .include("interpolation")
                .rule("\\\\[\\\\tnrabefluLUE\"$@]|\\\\0\\d{2}|\\\\o\\{\\d+\\}|\\\\x[0-9a-fA-F]{2}|\\\\x\\{[0-9a-fA-F]+\\}|\\\\c.|\\\\N\\{[^}]+\\}", STRING)
                .rule("[^\\\\\"$@]+|[$@]", STRING)
                .rule("\"", "#pop", PUNCTUATION)
                .rule("\\\\", STRING)
                .state("backtick")
                .include("interpolation")
                .rule("\\\\[\\\\tnr`]|[^\\\\`$@]+|[$@]", STRING)
                .rule("`", "#pop", PUNCTUATION)
                .state("interpolated")
                .rule("\\}", "#pop", STRING)
                .rule("\\s+", PLAIN)
                .rule("(?i)[a-z_]\\w*", STRING)
                .rule("", "#pop")
                .state("interpolation")
                .rule("[$@][{]", "interpolated", STRING)
                .rule("(?i)[$@][a-z_]\\w*", STRING);
    }
}
