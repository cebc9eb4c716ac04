package dev.kiln.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void countsWhitespaceSeparatedRunsHoldingALetterOrDigitInAnyScript() {
        assertEquals(7, PlainText.countWords("Hello, world — 3 çafés ok!? ... 日本語 \uD83D\uDE42 x"));
        assertEquals(3, PlainText.countWords("\ttabs\nand\r\nlines\u000B"));
        assertEquals(0, PlainText.countWords(" -- ... !? \uD83D\uDE42 "));
        assertEquals(2, PlainText.countWords("\uD835\uDC00bc 𝟘")); // letters and digits outside the BMP
    }
}
