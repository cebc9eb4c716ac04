package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jekyll's categories: front matter forms, :categories in permalinks, the pages and feeds they get. */
class CategoriesTest {
    @TempDir
    Path site;

    private KilnRun build(String permalink) {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\npermalink: " + permalink + "\n");
        return KilnRun.of("build", "--source", site.toString());
    }

    private void post(String name, String front) {
        KilnRun.write(site.resolve("content/posts/" + name), "---\n" + front + "---\nBody {{ page.categories | jsonify }}\n");
    }

    @Test
    void categoriesAreInTheUrlAsJekyllWritesThemAndEachHasAPageAndAFeed() {
        post("2021-01-01-a.md", "title: A\ncategories: [Java, C++]\ncategory: Été\n");
        post("2021-01-02-b.md", "title: B\ncategories: java tools\n");
        post("2021-01-03-c.md", "title: C\ncategory: Travel Notes\n");
        post("2021-01-04-d.md", "title: D\n");
        KilnRun run = build("/:categories/:year/:slug/");
        assertEquals(0, run.exitCode(), run.err());
        Path out = site.resolve("site");
        // lower case, joined by /; a name with a space is slugified (Jekyll: /travel%20notes/); none drops the segment
        for (String page : new String[] {"java/c++/été/2021/a/index.html", "java/tools/2021/b/index.html",
                "travel-notes/2021/c/index.html", "2021/d/index.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(page)), page);
        }
        String a = KilnRun.read(out.resolve("java/c++/été/2021/a/index.html"));
        assertTrue(a.contains(" in <a href=\"/categories/java/\">Java</a>, <a href=\"/categories/c-plus-plus/\">C++</a>,"
                + " <a href=\"/categories/été/\">Été</a> · "), a);
        assertTrue(a.contains("Body [“Java”,“C++”,“Été”]"), "page.categories as Jekyll 4 joins them: " + a);
        String java = KilnRun.read(out.resolve("categories/java/index.html"));
        assertTrue(java.contains("<h1 class=\"masthead-title\">Java</h1>") && java.contains(">A</a>") && java.contains(">B</a>"), java);
        assertFalse(java.contains(">C</a>"), java);
        String index = KilnRun.read(out.resolve("categories/index.html"));
        assertTrue(index.contains("<a class=\"tag category\" href=\"/categories/java/\">Java <span class=\"tag-count\">2</span></a>"), index);
        String feed = KilnRun.read(out.resolve("categories/travel-notes/feed.xml"));
        assertTrue(feed.contains("<title>T – Travel Notes</title>") && feed.contains("<category term=\"Travel Notes\"/>"), feed);
        assertTrue(KilnRun.read(out.resolve("sitemap.xml")).contains("<loc>https://t.example/categories/tools/</loc>"));
    }

    @Test
    void aSiteWithoutCategoriesHasNoCategoryPages() {
        post("2021-01-04-d.md", "title: D\n");
        assertEquals(0, build("/:categories/:year/:slug/").exitCode());
        assertFalse(Files.exists(site.resolve("site/categories")));
        assertTrue(Files.isRegularFile(site.resolve("site/2021/d/index.html")));
    }

    @Test
    void categoriesThatAreNotNamesAreAnErrorAtTheirLine() {
        post("2021-01-01-a.md", "title: A\ncategories: {a: 1}\n");
        KilnRun run = build("/:year/:slug/");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2021-01-01-a.md:3:13: error: 'categories' should be a list such as [a, b], not a map"), run.err());
    }
}
