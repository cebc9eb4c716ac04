package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewPartsTest {

    @Test
    void overlayEscapesWhatItShows() {
        String html = ErrorOverlay.html(List.of(Diagnostic.error(new SourcePosition(Path.of("content/posts/<x>.md"), 2, 5),
                "unknown variable {{page.<script>alert(1)</script>}}", "use \"title\" & 'date'")));
        assertTrue(html.contains("content/posts/&lt;x&gt;.md:2:5"), html);
        assertTrue(html.contains("{{page.&lt;script&gt;alert(1)&lt;/script&gt;}}"), html);
        assertTrue(html.contains("use &quot;title&quot; &amp; &#39;date&#39;"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("\n"), "one line, to travel as one event data field");
    }

    @Test
    void noOverlayWithoutErrors() {
        assertEquals("", ErrorOverlay.html(List.of()));
    }

    @Test
    void reloadScriptGoesBeforeTheLastBodyEndOrAtTheEnd() {
        String page = ReloadScript.inject("<html><body><p>x</p></BODY></html>", "v1", "");
        assertTrue(page.matches("(?s)<html><body><p>x</p><script>.*\"v1\".*</script>\\s*</BODY></html>"), page);
        String fragment = ReloadScript.inject("<p>no body</p>", "v2", "<div id=\"kiln-errors\"></div>");
        assertTrue(fragment.startsWith("<p>no body</p><div id=\"kiln-errors\"></div><script>"), fragment);
    }

    @Test
    void requestPathsAreDecodedOrRefused() {
        assertEquals(Optional.of("/a b/ü.html"), RequestPath.decode("/a%20b/%C3%BC.html"));
        assertEquals(Optional.of("/c++/"), RequestPath.decode("/c++/"));
        for (String bad : List.of("/../x", "/%2e%2e/x", "/a/%2E/b", "/..%2fx", "/a%5cb", "/a\\b", "/%00", "/%ff", "/%4", "x",
                "/a/..", "/C:/x")) {
            assertEquals(Optional.empty(), RequestPath.decode(bad), bad);
        }
    }

    @Test
    void contentTypesOfCommonFiles() {
        assertEquals("text/html; charset=utf-8", ContentTypes.of("a/index.html"));
        assertEquals("application/xml; charset=utf-8", ContentTypes.of("feed.xml"));
        assertEquals("font/woff", ContentTypes.of("f/x.WOFF"));
        assertEquals("image/png", ContentTypes.of("x.png"));
        assertEquals("application/octet-stream", ContentTypes.of("LICENSE"));
    }
}
