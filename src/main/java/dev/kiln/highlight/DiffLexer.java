package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.DELETED;
import static dev.kiln.highlight.Kind.HEADING;
import static dev.kiln.highlight.Kind.INSERTED;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRONG;

/** Unified diffs and patches, after Rouge's lexer: added and removed lines, file and hunk headers. */
final class DiffLexer {
    private DiffLexer() {}

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("^ .*\\n?", PLAIN)
            .rule("^---$\\n?", PUNCTUATION)
            .rule("^[+>]+.*\\n?", INSERTED)
            .rule("^[-<]+.*\\n?", DELETED)
            .rule("^!.*\\n?", STRONG)
            .rule("^(?:[Ii]ndex|diff).*\\n?", HEADING)
            .rule("^(@@[^@]*@@)([^\\n]*\\n)", PUNCTUATION, PLAIN)
            .rule("^\\w.*\\n?", PUNCTUATION)
            .rule("^=.*\\n?", HEADING)
            .rule("\\s.*\\n?", PLAIN)
            .build();
}
