package dev.kiln.liquid;

/**
 * What a post's Liquid may ask of the rest of the site. Each answer is recorded in the
 * {@link LiquidResult}, so a build that remembers results can tell whether the answers changed:
 * a post that reads {@code site.posts} asked for every post, and is run again when any changes.
 */
public interface SiteLookup {

    /**
     * The answer to {@code kind} of {@code key}, or null when the site has none: for {@link Kind#SITE_VARIABLE}
     * a Liquid value (String, Long, Double, Boolean, List, Map with String keys, OffsetDateTime), else text.
     * Equal questions get equal answers within a build, and answers compare by value.
     */
    Object resolve(Kind kind, String key);

    /** Markdown made HTML, for the {@code markdownify} filter; null where there is no Markdown renderer. */
    default String markdownify(String markdown) {
        return null;
    }

    enum Kind {
        /** {@code site.KEY}: a value from site.yml, or one Jekyll computes (posts, pages, tags, categories, data, time). */
        SITE_VARIABLE,
        /** {@code post_url KEY}: the URL (without baseurl) of the post whose file name is KEY. */
        POST_URL,
        /** {@code link KEY}: the URL (without baseurl) of the file at content/KEY. */
        LINK,
        /**
         * A link that names no file as written: the path under content/ of the one file whose path is KEY but for how its
         * accented letters are encoded (composed, NFC, or decomposed, NFD, as macOS writes file names).
         */
        LINK_ENCODED_OTHERWISE,
        /** {@code include KEY}: the text of templates/includes/KEY. */
        INCLUDE,
        /** {@code include_relative}: the text of the file KEY (a path from the site root, inside content/). */
        INCLUDE_RELATIVE,
        /** {@code page.next} and {@code page.previous} of the post at KEY: the newer and the older post. */
        NEIGHBOURS
    }

    /** One question asked and its answer (null: none). */
    record Lookup(Kind kind, String key, Object value) {}
}
