package dev.kiln.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlTextTest {

    @Test
    void aSchemeIsALetterThenLettersDigitsPlusDotOrDashThenAColon() {
        for (String url : new String[] {"https://example.org", "mailto:me@example.org", "JaVaScRiPt:void(0)", "data:image/png;base64,",
                "svn+ssh://host/x", "web.cal-1:x", "x:"}) {
            assertTrue(UrlText.hasScheme(url), url);
        }
    }

    @Test
    void pathsFragmentsAndOddStartsHaveNone() {
        for (String url : new String[] {"", "/about/", "#top", "?q=1", "cat.jpg", "../img/a:b.jpg", "1http://x", "-x:y", " https://x",
                "a b:c", "é:x", "ｈttps://x", "https", "a/b:c"}) {
            assertFalse(UrlText.hasScheme(url), url);
        }
    }
}
