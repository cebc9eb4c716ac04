package dev.kiln.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and tags into URL segments: lower case, letters and digits kept, the rest collapsed to '-'. */
public final class Slugs {
    private Slugs() {}

    public static String slugify(String text) {
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

    /** A slug for text with no letters or digits at all (an emoji tag, say): its code points in hex. */
    static String slugOrCodePoints(String text) {
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
