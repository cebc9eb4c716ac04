package dev.kiln.frontmatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlParserTest {
    private static final Path FILE = Path.of("content/posts/2020-01-01-a.md");

    @Test
    void readsATabAfterAColonAsJekyllDoes() {
        Diagnostics diagnostics = new Diagnostics();
        YamlDocument doc = new YamlParser().parse(FILE, "title:\tHello\ntags:\t \t[a, b]\nbody: |\n  keeps:\ttabs\n", 2, diagnostics).orElseThrow();
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals("Hello", doc.values().get("title"));
        assertEquals(List.of("a", "b"), doc.values().get("tags"));
        assertEquals("keeps:\ttabs\n", doc.values().get("body"));
        assertEquals(2, doc.positionOf("title").line());
        assertEquals(8, doc.positionOf("title").column());
    }

    @Test
    void aTabThatIndentsIsReportedAsIndentationInKilnsWords() {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(new YamlParser().parse(FILE, "title: A\n\tsubtitle: B\n", 2, diagnostics).isEmpty());
        String message = diagnostics.sorted().toString();
        assertTrue(message.contains("this line is indented with a tab"), message);
        assertFalse(message.contains("(TAB)"), message);
    }
}
