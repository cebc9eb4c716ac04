package dev.kiln.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineTextTest {

    @Test
    void escapesWhatWouldBreakALineAndReadsItBack() {
        String name = "a\\b\nc\rd\te";
        assertEquals("a\\\\b\\nc\\rd\te", LineText.escape(name));
        assertEquals(name, LineText.unescape(LineText.escape(name)));
    }

    @Test
    void readsAnEscapedTabAsATab() {
        assertEquals("x\ty\\t", LineText.unescape("x\\ty\\\\t"));
    }
}
