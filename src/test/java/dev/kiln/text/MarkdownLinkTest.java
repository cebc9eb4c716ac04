package dev.kiln.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarkdownLinkTest {

    @Test
    void readsTheFileAndKeepsTheQueryAndFragmentAsWritten() {
        assertEquals(new MarkdownLink("images.md", ""), MarkdownLink.of("images.md"));
        assertEquals(new MarkdownLink("../site-yml.md", "#keys"), MarkdownLink.of("../site-yml.md#keys"));
        assertEquals(new MarkdownLink("a b.markdown", "?x=1#y"), MarkdownLink.of("a%20b.markdown?x=1#y"));
        assertEquals(new MarkdownLink("README.MD", ""), MarkdownLink.of("README.MD"));
    }

    @Test
    void isNoneForOtherLinks() {
        for (String href : new String[] {"", "/about.md", "//host/a.md", "https://example.com/a.md", "mailto:a.md",
                "#a.md", "?q=a.md", "image.png", "a.md/", "a.mdx", "broken%2.md"}) {
            assertNull(MarkdownLink.of(href), href);
        }
    }

    @Test
    void namesTheFileUnderContentFromTheFolderOfItsSource() {
        Path source = Path.of("content/guide/a.md");
        assertEquals("guide/images.md", MarkdownLink.of("images.md").inContent(source));
        assertEquals("guide/images.md", MarkdownLink.of("./images.md").inContent(source));
        assertEquals("posts/2020-01-02-b.md", MarkdownLink.of("../posts/2020-01-02-b.md").inContent(source));
        assertEquals("guide/more/x.md", MarkdownLink.of("more//x.md").inContent(source));
        assertEquals("about.md", MarkdownLink.of("about.md").inContent(Path.of("content/index.md")));
        assertNull(MarkdownLink.of("../../README.md").inContent(source), "out of content/");
        assertNull(MarkdownLink.of("a.md").inContent(Path.of("templates/page.mustache")), "not written in content/");
    }
}
