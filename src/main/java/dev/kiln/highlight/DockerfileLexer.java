package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.RegexLexer.using;

/** Dockerfiles, after Rouge's lexer: instructions, their arguments as strings, {@code RUN} lines as shell. */
final class DockerfileLexer {
    private DockerfileLexer() {}

    private static final String KEYWORDS = "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\s+", PLAIN)
            .rule("(?i)^(FROM)(\\s+)(.*)(\\s+)(AS)(\\s+)(.*)", KEYWORD, PLAIN, STRING, PLAIN, KEYWORD, PLAIN, STRING)
            .rule("(?i)^(ONBUILD)(\\s+)(" + KEYWORDS + ")(.*)", KEYWORD, PLAIN, KEYWORD, STRING)
            .rule("(?i)^(" + KEYWORDS + ")\\b(.*)", KEYWORD, STRING)
            .rule("#.*", COMMENT)
            .rule("(?i)^(?:ONBUILD\\s+)?RUN\\s+", "run", KEYWORD)
            .rule("\\w+|[^\\w]+", PLAIN)
            .state("run")
            .rule("\\n", "#pop", PLAIN)
            // The command with its continued lines, as one shell script.
            .rule("(?:\\\\(?s:.)|[^\\n\\\\])++", using("shell"))
            .build();
}
