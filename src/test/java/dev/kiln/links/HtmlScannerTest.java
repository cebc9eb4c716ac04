package dev.kiln.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scanner finds exactly what the regular expressions in its documentation would, on any text. */
class HtmlScannerTest {
    private static final Pattern TAG = Pattern.compile(
            "<(a|link|img|script|source|iframe|area|audio|video|track|embed)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("\\s(href|src)\\s*=\\s*(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\s(id|name)\\s*=\\s*(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
    private static final String[] PIECES = {
        " ", "  ", "\t", "\n", "id", "ID", "name", "Name", "data-id", "=", "= ", "\"", "'", "x", "#a", "<a", "<A", "<img",
        "<p", "<abbr", ">", "href", "src", "SRC", "<!-- ", " -->", "/", "é", "<script", "\u00a0"
    };

    @Test
    void findsWhatTheRegularExpressionsFind() {
        Random random = new Random(20261201);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = html.toString();
            List<String> ids = new ArrayList<>();
            HtmlScanner.ids(text, ids::add);
            assertEquals(values(ID, text), ids, text);
            List<String> links = new ArrayList<>();
            HtmlScanner.links(text, links::add);
            List<String> expected = new ArrayList<>();
            Matcher tag = TAG.matcher(text);
            while (tag.find()) {
                expected.addAll(values(LINK, tag.group()));
            }
            assertEquals(expected, links, text);
        }
    }

    @Test
    void findsIdsAndLinksOfARealPage() {
        String page = "<h2 id=\"next-steps\">Next <a class=\"anchor\" href=\"#next-steps\">#</a></h2>\n"
                + "<p>a = b, id = 'no'? <a NAME='old' href = '/x/'>x</a> <img data-id=\"no\" src=\"/i.png\" id=\"pic\"></p>";
        List<String> ids = new ArrayList<>();
        HtmlScanner.ids(page, ids::add);
        assertEquals(List.of("next-steps", "no", "old", "pic"), ids);
        List<String> links = new ArrayList<>();
        HtmlScanner.links(page, links::add);
        assertEquals(List.of("#next-steps", "/x/", "/i.png"), links);
    }

    @Test
    void readsEachUrlOfTheSrcsetOfImagesAndSources() {
        String page = "<picture><source type=\"image/webp\" srcset=\"/a-480.webp 480w, /a-800.webp 800w,/a.webp\">"
                + "<img src=\"/a.png\" srcset=\" /a@2x.png 2x ,, /b,c.png,/d.png (max-width: 1px, x) 1x, /e.png\"></picture>"
                + "<a srcset=\"/not-an-image.png\" href=\"/x/\">x</a>";
        List<String> links = new ArrayList<>();
        HtmlScanner.links(page, links::add);
        assertEquals(List.of("/a-480.webp", "/a-800.webp", "/a.webp", "/a.png", "/a@2x.png", "/b,c.png,/d.png", "/e.png", "/x/"),
                links, "as the HTML standard splits a srcset: a comma ends a candidate after its URL's space, or at the URL's end"
                        + " (not inside it, nor inside a descriptor's parentheses); an <a> has no srcset");
    }

    private static List<String> values(Pattern pattern, String text) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String quoted = m.group(2);
            values.add(quoted.substring(1, quoted.length() - 1));
        }
        return values;
    }
}
