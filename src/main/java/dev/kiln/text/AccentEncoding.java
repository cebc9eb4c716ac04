package dev.kiln.text;

import java.text.Normalizer;

/**
 * How accented letters are encoded in a name: é as one character (composed, NFC, as most keyboards type it) or as e and a
 * combining accent (decomposed, NFD, as macOS writes file names). Browsers and most servers take the two for different names.
 */
public final class AccentEncoding {
    private AccentEncoding() {}

    /** Whether {@code text} has a letter that could be encoded two ways: any character beyond ASCII. */
    public static boolean mayDiffer(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with its accented letters composed (NFC): equal for two names that differ only in how they are encoded. */
    public static String composed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** In words, how a file's name and a link to it that differs from it only in how its accents are encoded each encode them. */
    public static String fileAgainstLink(String fileName) {
        return Normalizer.isNormalized(fileName, Normalizer.Form.NFD)
                ? "decomposed in the file's name (as macOS writes names), composed in the link"
                : fileName.equals(composed(fileName)) ? "composed in the file's name, decomposed in the link"
                : "encoded one way in the file's name and another in the link";
    }
}
