package dev.kiln.liquid;

/**
 * What a post's Liquid may ask of the rest of the site. Each answer is recorded in the
 * {@link LiquidResult}, so a build that remembers results can tell whether the answers changed.
 */
@FunctionalInterface
public interface SiteLookup {

    /** The answer to {@code kind} of {@code key}, or null when the site has none. */
    String resolve(Kind kind, String key);

    enum Kind {
        /** {@code site.KEY}: the value from site.yml. */
        SITE_VARIABLE,
        /** {@code post_url KEY}: the URL (without baseurl) of the post whose file name is KEY. */
        POST_URL,
        /** {@code link KEY}: the URL (without baseurl) of the file at content/KEY. */
        LINK,
        /** {@code include KEY}: the text of templates/includes/KEY. */
        INCLUDE
    }

    /** One question asked and its answer (null: none). */
    record Lookup(Kind kind, String key, String value) {}
}
