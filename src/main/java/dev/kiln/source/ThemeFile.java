package dev.kiln.source;

/** A template or asset of the theme, from the site's templates/ or the theme bundled in the jar. */
public record ThemeFile(String name, String origin, byte[] bytes) {
    /** Where the file came from, for messages: {@code templates/post.mustache} or {@code (bundled theme)/post.mustache}. */
    public String displayPath() {
        return origin + "/" + name;
    }
}
