package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post's {@code author:} in every shape Jekyll's plugins read (a name, a map with name:, a list; {@code authors:}):
 * the post page, the Atom feed and the JSON Feed show the names; a map's url and email go where the feeds have a place.
 */
class AuthorsTest {
    @TempDir
    Path site;

    private KilnRun buildWithPost(String authorLines) {
        KilnRun.write(site.resolve("content/site.yml"), "title: Blog\nurl: https://example.com\nauthor: Site Owner\n");
        KilnRun.write(site.resolve("content/posts/2020-01-02-hello.md"), "---\ntitle: Hello\n" + authorLines + "---\nBody.\n");
        return KilnRun.of("build", "--source", site.toString());
    }

    private String out(String path) {
        return KilnRun.read(site.resolve("site").resolve(path));
    }

    private void assertBuilt(KilnRun run) {
        assertEquals(0, run.exitCode(), run.err());
    }

    private void assertPageShows(String names) {
        String page = out("2020/01/02/hello/index.html");
        assertTrue(page.contains("<meta name=\"author\" content=\"" + names + "\">"), page);
        assertTrue(page.contains("Posted by " + names + " on"), page);
        assertTrue(out("index.html").contains("Posted by " + names + " on"), "the post's summary on the home page");
    }

    @Test
    void aMapAuthorShowsItsNameAndGivesTheFeedsItsAddressAndEmail() {
        assertBuilt(buildWithPost("author: {name: Jane Doe, twitter: jdoe, url: https://jane.example, email: jane@jane.example}\n"));
        assertPageShows("Jane Doe");
        assertTrue(out("feed.xml").contains("""
                    <author>
                      <name>Jane Doe</name>
                      <email>jane@jane.example</email>
                      <uri>https://jane.example</uri>
                    </author>
                """), out("feed.xml"));
        assertTrue(out("feed.json").contains("      \"authors\": [{\"name\": \"Jane Doe\", \"url\": \"https://jane.example\"}],\n"),
                out("feed.json"));
        assertFalse(out("2020/01/02/hello/index.html").contains("jdoe"), "keys without a place are not shown");
    }

    @Test
    void aBlockMapAuthorWithJekyllFeedsUriIsReadLikeAFlowOne() {
        assertBuilt(buildWithPost("author:\n  name: Jane Doe\n  uri: https://jane.example/about/\n"));
        assertPageShows("Jane Doe");
        assertTrue(out("feed.xml").contains("      <name>Jane Doe</name>\n      <uri>https://jane.example/about/</uri>\n"), out("feed.xml"));
    }

    @Test
    void aListOfAuthorsShowsAllNamesAndGivesEachAnEntryInTheFeeds() {
        assertBuilt(buildWithPost("author: [Jane, {name: Joe, url: https://joe.example}, Ann]\n"));
        assertPageShows("Jane, Joe and Ann");
        assertTrue(out("feed.xml").contains("""
                    <author>
                      <name>Jane</name>
                    </author>
                    <author>
                      <name>Joe</name>
                      <uri>https://joe.example</uri>
                    </author>
                    <author>
                      <name>Ann</name>
                    </author>
                """), out("feed.xml"));
        assertTrue(out("feed.json").contains(
                "      \"authors\": [{\"name\": \"Jane\"}, {\"name\": \"Joe\", \"url\": \"https://joe.example\"}, {\"name\": \"Ann\"}],\n"),
                out("feed.json"));
    }

    @Test
    void jekyllsAuthorsListIsReadWhenThereIsNoAuthor() {
        assertBuilt(buildWithPost("authors:\n  - Jane\n  - Joe\n"));
        assertPageShows("Jane and Joe");
        assertTrue(out("feed.xml").contains("      <name>Jane</name>\n    </author>\n    <author>\n      <name>Joe</name>\n"), out("feed.xml"));
    }

    @Test
    void aNameAuthorAndNoAuthorKeepTheirText() {
        assertBuilt(buildWithPost("author: Jane\n"));
        assertPageShows("Jane");
        assertTrue(out("feed.json").contains("      \"authors\": [{\"name\": \"Jane\"}],\n"), out("feed.json"));
        assertBuilt(buildWithPost(""));
        assertPageShows("Site Owner");
        assertTrue(out("feed.xml").contains("    <author>\n      <name>Site Owner</name>\n    </author>\n"), out("feed.xml"));
    }

    @Test
    void aMapAuthorWithoutNameIsAPositionedError() {
        KilnRun run = buildWithPost("author:\n  twitter: jdoe\n  url: https://jane.example\n");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("content/posts/2020-01-02-hello.md:4:3: error: 'author' is a map without name:, so there is no "
                + "name to show readers"), run.err());
        assertTrue(run.err().contains("write the name readers see: author: {name: Jane Doe, twitter: …, url: …}"), run.err());
        assertFalse(Files.exists(site.resolve("site/2020/01/02/hello/index.html")), "nothing is published");
    }

    @Test
    void aListItemWithoutNameIsAnErrorAtTheItem() {
        KilnRun run = buildWithPost("authors:\n  - Jane\n  - email: joe@joe.example\n");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("content/posts/2020-01-02-hello.md:5:5: error: 'authors item 2' is a map without name:"), run.err());
    }
}
