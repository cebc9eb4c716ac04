package dev.kiln.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page, its index and its script, through the CLI: the bytes of the index, sub-paths, drafts, the off switch. */
class SearchIndexTest {
    @TempDir
    Path site;

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }

    private KilnRun build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", site.toString()));
        args.addAll(List.of(extra));
        return KilnRun.of(args.toArray(String[]::new));
    }

    private String out(String path) {
        return KilnRun.read(site.resolve("site").resolve(path));
    }

    @Test
    void indexEscapesQuotesBackslashesAndScriptEndsAndKeepsNonAsciiAsUtf8() throws Exception {
        write("content/site.yml", "title: T\nlanguage: fr\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: 'Say \"hi\" </script><script>alert(1)</script>'\n"
                + "date: 2019-03-18 00:30:00 +0100\ntags: [café, 日本語, \"a\\\\b\"]\n---\n"
                + "Crème brûlée\\\\ with a tab\tand a line\nbreak, **bold** and <span>raw html</span> and `</script>` 🎉.\n\n"
                + "Second paragraph here.\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout me.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());

        String expected = "[\n"
                + "{\"title\":\"Say \\\"hi\\\" \\u003c/script>\\u003cscript>alert(1)\\u003c/script>\",\"url\":\"/2019/03/18/one/\","
                + "\"date\":\"2019-03-18\",\"dateText\":\"mars 18, 2019\",\"tags\":[\"café\",\"日本語\",\"a\\\\b\"],"
                + "\"text\":\"Crème brûlée\\\\ with a tab and a line break, bold and raw html and \\u003c/script> 🎉. "
                + "Second paragraph here.\"},\n"
                + "{\"title\":\"About\",\"url\":\"/about/\",\"tags\":[],\"text\":\"About me.\"}\n"
                + "]\n";
        byte[] index = Files.readAllBytes(site.resolve("site/search/index.json"));
        assertEquals(expected, new String(index, StandardCharsets.UTF_8));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), index, "non-ASCII is written as UTF-8, not as \\u escapes");
        assertFalse(new String(index, StandardCharsets.UTF_8).contains("</"), "no </script> can end a script the JSON is put in");

        assertEquals(0, build("--output", site.resolve("again").toString()).exitCode());
        assertArrayEquals(index, Files.readAllBytes(site.resolve("again/search/index.json")), "two builds write the same bytes");
    }

    @Test
    void textIsTheStartOfTheBodyCutAtAWordUnder500Characters() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("word").append(i).append(' ');
        }
        write("content/posts/2019-03-18-long.md", "---\ntitle: Long\n---\n" + body + "\n");
        assertEquals(0, build().exitCode());
        String index = out("search/index.json");
        String text = index.substring(index.indexOf("\"text\":\"") + 8, index.indexOf("\"}"));
        assertTrue(text.length() <= 500, text.length() + " characters: " + text);
        assertTrue(text.length() > 450, "the cut keeps most of the 500 characters: " + text.length());
        assertTrue(text.startsWith("word0 word1 word2 "), text);
        assertTrue(text.matches("(word\\d+ )+word\\d+…"), "cut after a whole word, with an ellipsis: " + text);
        assertFalse(index.contains("word199"), "the end of a long post is not in the index");
    }

    @Test
    void underABaseurlEveryLinkOfTheSearchPageAndTheIndexHasThePrefix() {
        write("content/site.yml", "title: T\nurl: https://example.com\nbaseurl: /blog\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(out("search/index.json").contains("\"url\":\"/blog/2019/03/18/one/\""), out("search/index.json"));
        String page = out("search/index.html");
        assertTrue(page.contains("data-index=\"/blog/search/index.json\""), page);
        assertTrue(page.contains("<script src=\"/blog/assets/js/search.js\" defer></script>"), page);
        assertTrue(page.contains("<a href=\"/blog/posts/\">archive</a>"), "without JavaScript, the archive: " + page);
        assertTrue(out("index.html").contains("<li><a href=\"/blog/search/\">Search</a></li>"), "the menu links to search");
        assertTrue(page.contains("<li><a href=\"/blog/search/\" aria-current=\"page\">Search</a></li>"), page);
    }

    @Test
    void draftsFutureAndSitemapFalsePagesAreLeftOutUnlessPublished() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: Published\n---\nHello.\n");
        write("content/posts/2019-03-19-draft.md", "---\ntitle: Draft\ndraft: true\n---\nSecret draft text.\n");
        write("content/posts/2099-01-01-later.md", "---\ntitle: Later\n---\nScheduled text.\n");
        write("content/thanks.md", "---\ntitle: Thanks\nsitemap: false\n---\nThanks for subscribing.\n");
        assertEquals(0, build().exitCode());
        String index = out("search/index.json");
        assertTrue(index.contains("\"title\":\"Published\""), index);
        for (String hidden : List.of("Draft", "Later", "Thanks")) {
            assertFalse(index.contains("\"title\":\"" + hidden + "\""), hidden + " is not searchable: " + index);
        }
        assertEquals(0, build("--drafts", "--future").exitCode());
        index = out("search/index.json");
        assertTrue(index.contains("\"title\":\"Draft\"") && index.contains("\"title\":\"Later\""), index);
    }

    @Test
    void searchFalseLeavesNoPageNoIndexNoScriptAndNoMenuEntry() {
        write("content/site.yml", "title: T\nsearch: false\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> files = KilnRun.files(site.resolve("site"));
        assertTrue(files.containsKey("posts/index.html"), files.keySet().toString());
        List<String> traces = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (path.contains("search") || !path.endsWith(".css") && new String(bytes, StandardCharsets.UTF_8).contains("search")) {
                traces.add(path);
            }
        });
        assertEquals(List.of(), traces, "files naming search (the stylesheet may keep its rules)");
        assertTrue(out("index.html").contains("<li><a href=\"/about/\">About</a></li>\n  </ul>"), out("index.html"));

        write("content/site.yml", "title: T\nsearch: true\n");
        assertEquals(0, build().exitCode());
        files = KilnRun.files(site.resolve("site"));
        assertTrue(files.containsKey("search/index.html") && files.containsKey("search/index.json")
                && files.containsKey("assets/js/search.js"), files.keySet().toString());
    }
}
