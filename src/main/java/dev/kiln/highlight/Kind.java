package dev.kiln.highlight;

/**
 * What a token is, and so the class of its span: the theme's {@code highlight.css} colours these.
 * Each of Rouge's token classes has one of them (the manual, Code highlighting, has the table), so a
 * Jekyll theme's colours carry over by kind.
 */
enum Kind implements RegexLexer.Action {
    /** Names, spaces and other text shown as it is, outside any span. */
    PLAIN(null),
    KEYWORD("hl-keyword"),
    /** Type, class and module names, where declared and where used. */
    TYPE("hl-type"),
    /** Function and method names, where declared and where called. */
    FUNCTION("hl-function"),
    /** Functions and names a language predefines ({@code print}, {@code echo}, {@code self}). */
    BUILTIN("hl-builtin"),
    /** {@code true}, {@code null}, constants, symbols, character entities. */
    LITERAL("hl-literal"),
    NUMBER("hl-number"),
    STRING("hl-string"),
    REGEX("hl-regex"),
    COMMENT("hl-comment"),
    /** Preprocessor lines, annotations and decorators, shell prompts. */
    META("hl-meta"),
    VARIABLE("hl-variable"),
    /** Markup tag names. */
    TAG("hl-tag"),
    /** Markup attributes, keys of data files, CSS properties. */
    ATTRIBUTE("hl-attribute"),
    /** Operators and punctuation. */
    PUNCTUATION("hl-punctuation"),
    /** A diff's added and removed lines. */
    INSERTED("hl-inserted"),
    DELETED("hl-deleted"),
    /** Markdown's headings and a diff's hunk and file headers. */
    HEADING("hl-heading"),
    EMPHASIS("hl-emphasis"),
    STRONG("hl-strong");

    final String cssClass;

    Kind(String cssClass) {
        this.cssClass = cssClass;
    }

    @Override
    public void apply(RegexLexer.Run run, int start, int end) {
        run.emit(this, start, end);
    }
}
