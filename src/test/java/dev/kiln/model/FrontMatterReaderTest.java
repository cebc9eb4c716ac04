package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.FrontMatterParser;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The front matter of one file read into its typed form, without a whole site: dates and their offsets, URLs
 * from slugs, titles, permalinks and paths, tags and aliases, and each mistake at its key.
 */
class FrontMatterReaderTest {
    private static final SourceSettings SETTINGS = new SourceSettings(ZoneId.of("UTC"), "Ann", "/:year/:month/:day/:slug/",
            false, "");

    private final Diagnostics diagnostics = new Diagnostics();

    private Optional<FrontMatter> read(String path, String frontMatter) {
        Path file = Path.of(path);
        String text = "---\n" + frontMatter + "---\nBody.\n";
        return new FrontMatterParser().parse(file, text, diagnostics)
                .flatMap(doc -> new FrontMatterReader(SETTINGS).read(file, path.startsWith("content/posts/"), doc.frontMatter(),
                        diagnostics));
    }

    private List<String> errors() {
        return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void aDateKeepsTheOffsetItWasWrittenWith() {
        FrontMatter front = read("content/posts/be-prepared.md", "title: Be prepared\ndate: 2019-03-18 00:00:00 +0100\n").orElseThrow();
        assertEquals(OffsetDateTime.parse("2019-03-18T00:00+01:00"), front.date());
        assertEquals("/2019/03/18/be-prepared/", front.url(), "the day the author wrote, not the UTC day before");
        assertEquals(List.of(), errors());
    }

    @Test
    void aDateWithoutOffsetIsInTheSitesTimeZoneAndTheFileNameGivesOneToo() {
        assertEquals(OffsetDateTime.parse("2020-01-02T09:30Z"), read("content/posts/x.md", "date: 2020-01-02 09:30\n").orElseThrow().date());
        FrontMatter named = read("content/posts/2021-05-06-from-the-name.md", "title: Other title\n").orElseThrow();
        assertEquals(OffsetDateTime.parse("2021-05-06T00:00Z"), named.date());
        assertEquals("/2021/05/06/from-the-name/", named.url(), "a dated file name gives the slug, not the title");
    }

    @Test
    void aPostWithoutADateIsAnErrorAtItsFrontMatter() {
        assertTrue(read("content/posts/undated.md", "title: Undated\n").isEmpty());
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).contains("post has no date"), errors().toString());
    }

    @Test
    void theTitleIsSlugifiedUnlessSlugSaysOtherwise() {
        assertEquals("/2020/01/01/café-crème-à-la-carte/", read("content/posts/p.md",
                "title: \"Café crème, à la carte!\"\ndate: 2020-01-01\n").orElseThrow().url(), "accented letters are kept");
        assertEquals("/2020/01/01/mine/", read("content/posts/p.md", "title: T\nslug: mine\ndate: 2020-01-01\n").orElseThrow().url());
        assertTrue(read("content/posts/p.md", "title: T\nslug: \"a b\"\ndate: 2020-01-01\n").isEmpty());
        assertTrue(errors().get(0).startsWith("content/posts/p.md:3:"), errors().toString());
        assertTrue(errors().get(0).contains("slug 'a b' cannot be used in a URL"), errors().toString());
    }

    @Test
    void aPageLivesAtItsPathUnlessItsPermalinkSaysOtherwise() {
        assertEquals("/about/", read("content/about.md", "title: About\n").orElseThrow().url());
        assertEquals("/guide/setup/", read("content/guide/setup.md", "title: Setup\n").orElseThrow().url());
        assertEquals("/me/", read("content/about.md", "title: About\npermalink: /me/\n").orElseThrow().url());
        assertEquals(List.of(), errors());
    }

    @Test
    void aPermalinkWithADateOnAPageWithoutOneIsAnErrorAtThePermalink() {
        assertTrue(read("content/about.md", "title: About\npermalink: /:year/about/\n").isEmpty());
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).startsWith("content/about.md:3:"), errors().toString());
        assertTrue(errors().get(0).contains("uses :year, but this page has no date"), errors().toString());
    }

    @Test
    void tagsAreKeptOnceInTheirOrderWithoutSpacesOrEmptyOnes() {
        FrontMatter front = read("content/posts/p.md", "date: 2020-01-01\ntags: [java, ' go ', java, '']\n").orElseThrow();
        assertEquals(List.of("java", "go"), front.tagNames());
        assertEquals(List.of(), errors());
        assertEquals(List.of(), read("content/page.md", "tags: [java]\n").orElseThrow().tagNames(), "pages have no tag pages");
    }

    @Test
    void anAliasThatIsTheOwnUrlIgnoringCaseIsLeftOutWithAWarningNotAnError() {
        FrontMatter front = read("content/about.md", "title: About\naliases: /About/ /about/index.html /me/\n").orElseThrow();
        assertEquals(List.of("/me/"), front.aliases());
        assertEquals(List.of("content/about.md:3:10: warning: alias '/About/' differs only in case from this page's own URL /about/,"
                        + " so it is skipped (where file names ignore case, its redirect would overwrite the page) (hint: remove it;"
                        + " a server that ignores case in paths, as GitHub Pages does, answers at both addresses)",
                "content/about.md:3:10: warning: alias '/about/index.html' is this page's own URL /about/, so it is skipped (where"
                        + " file names ignore case, its redirect would overwrite the page) (hint: remove it; a server that ignores"
                        + " case in paths, as GitHub Pages does, answers at both addresses)"), errors());
        assertFalse(diagnostics.hasErrors());
    }

    @Test
    void aliasesAreSitePathsAndAnUnsafeOneIsAnError() {
        FrontMatter front = read("content/posts/p.md", "date: 2020-01-01\naliases: [old.html, /2019/old/]\n").orElseThrow();
        assertEquals(List.of("/old.html", "/2019/old/"), front.aliases());
        read("content/posts/q.md", "date: 2020-01-01\naliases: [/../../etc/passwd]\n").orElseThrow();
        assertTrue(errors().stream().anyMatch(e -> e.contains("alias '/../../etc/passwd' is not a safe site path")), errors().toString());
    }

    @Test
    void draftsAndTheDefaultsOfAuthorAndLayout() {
        FrontMatter front = read("content/posts/p.md", "date: 2020-01-01\npublished: false\n").orElseThrow();
        assertTrue(front.draft(), "published: false is a draft, as in Jekyll");
        assertEquals("Ann", front.author());
        assertEquals("post", front.layout());
        assertEquals("page", read("content/about.md", "title: About\n").orElseThrow().layout());
    }
}
