package dev.kiln.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns titles and tags into URL segments: lower case, letters and digits kept, the rest collapsed to '-'.
 * A slug that Windows reserves for a device ({@code con}, {@code prn}, {@code aux}, {@code nul},
 * {@code com0}–{@code com9}, {@code lpt0}–{@code lpt9}) gets a trailing {@code _}: {@code con_}, a
 * folder every system can create, and never another slug (slugs made from text hold no {@code _}).
 */
public final class Slugs {
    private static final java.util.regex.Pattern WINDOWS_DEVICE = java.util.regex.Pattern.compile("con|prn|aux|nul|(?:com|lpt)[0-9]");

    private Slugs() {}

    public static String slugify(String text) {
        return windowsSafe(letters(text));
    }

    /**
     * The slug, or for a name Windows reserves, with {@code _} after the reserved part: Windows refuses
     * these names for files and folders in any case and with any extension ({@code con.txt} too,
     * which becomes {@code con_.txt}).
     */
    public static String windowsSafe(String slug) {
        int dot = slug.indexOf('.');
        String stem = dot < 0 ? slug : slug.substring(0, dot);
        return WINDOWS_DEVICE.matcher(stem.toLowerCase(Locale.ROOT)).matches() ? stem + "_" + slug.substring(stem.length()) : slug;
    }

    private static String letters(String text) {
        String spelled = text.replace("#", " sharp ").replace("+", " plus ").replace("&", " and ").replace("@", " at ");
        String composed = Normalizer.normalize(spelled, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.appendCodePoint(cp);
                dash = false;
            } else {
                dash = true;
            }
        }
        return slug.toString();
    }

    /** The slug of a tag, category or series page: for text with no letters or digits at all (an emoji tag, say), its code points in hex. */
    public static String slugOrCodePoints(String text) {
        String slug = slugify(text);
        if (!slug.isEmpty()) {
            return slug;
        }
        StringBuilder hex = new StringBuilder("u");
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != '.' && cp != '/' && cp != '\\')
                .forEach(cp -> hex.append(hex.length() > 1 ? "-" : "").append(Integer.toHexString(cp)));
        return hex.length() > 1 ? hex.toString() : "";
    }
}
