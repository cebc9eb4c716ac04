package dev.kiln.card;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two fonts Kiln draws social cards with, bundled in the jar (SIL Open Font License 1.1, see
 * THIRD-PARTY.md), never the machine's: Noto Sans Bold for Latin, Greek, Cyrillic and Devanagari, and
 * Noto Sans SC Bold for Chinese and Japanese, loaded only when a title needs it (it is 10 MB).
 * Each is read once per JVM; a {@link Font} never changes, so sharing them is safe.
 */
final class CardFonts {
    private CardFonts() {}

    private static final class Latin {
        static final Font FONT = load("NotoSans-Bold.ttf");
    }

    private static final class Cjk {
        static final Font FONT = load("NotoSansSC-Bold.ttf");
    }

    static Font latin() {
        return Latin.FONT;
    }

    static Font cjk() {
        return Cjk.FONT;
    }

    /** The font to draw {@code codePoint} with, or null when neither bundled font has it. */
    static Font forCodePoint(int codePoint) {
        if (latin().canDisplay(codePoint)) {
            return latin();
        }
        // Ideographs, kana, CJK punctuation and full-width forms are where the Latin font stops.
        return Character.isIdeographic(codePoint) || codePoint >= 0x2E80 && codePoint < 0xFFF0 || codePoint >= 0x20000
                ? (cjk().canDisplay(codePoint) ? cjk() : null) : null;
    }

    private static Font load(String name) {
        try (InputStream in = CardFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no dev/kiln/card/" + name);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("dev/kiln/card/" + name + " is no TrueType font", e);
        }
    }
}
