package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.KilnRun;
import dev.kiln.diag.Diagnostic;
import dev.kiln.image.TestImages;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's incremental rebuild against the truth: after every random edit, rename, deletion
 * and addition (posts, pages, tags, dates, drafts, links, headings, site.yml, templates, images with
 * their sizes and resized copies, mastheads, damaged images, Liquid's post_url, link and include, and links to other
 * posts by their .md files, which make a post depend on other files), a build given the memory of every earlier state must give
 * exactly what a cold build of the same
 * sources gives: the same files with the same bytes, and the same diagnostics.
 * {@code -Dincremental.steps=N} and {@code -Dincremental.seed=S} explore further.
 */
class IncrementalBuildTest {
    private static final Visibility EVERYTHING = new Visibility(true, true, KilnRun.CLOCK.instant());
    private static final List<String> TAGS = List.of("java", "Java", "go", "c#", "c++", "leadership principles", "aws", "ops");
    private static final List<String> WORDS = List.of("ship", "latency", "queue", "review", "budget", "cache", "deploy", "merge");

    @TempDir
    Path site;

    private final Random random = new Random(Long.getLong("incremental.seed", 20261130L));
    private final List<String> posts = new ArrayList<>(); // file names in content/posts/
    private int created;

    @Test
    void rebuildsAfterEveryRandomChangeExactlyAsAColdBuildDoes() throws IOException {
        write("content/site.yml", "title: Incremental\nurl: https://example.com\nauthor: Ann\npaginate: 4\nfeed_size: 3\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout [the posts](/posts/).\n\n## Contact\n\nMail.\n");
        write("content/projects.md", "---\ntitle: Projects\naliases: [/old-projects.html]\n---\nSee [about](/about/#contact).\n");
        Files.createDirectories(site.resolve("content/img"));
        // Images as wide as photos (so they get resized copies) but only strips high: encoding and
        // resizing full photos in every step was most of this test's time, and the pixels are not the point.
        TestImages.write(TestImages.photo(900, 50, 1, false), "png", site.resolve("content/img/a.png"));
        write("templates/includes/note.md", "A note on {{ site.title }}: " + word() + ".\n");
        for (int i = 0; i < 24; i++) {
            addPost();
        }
        Rebuilds preview = new Rebuilds();
        compare(preview, "first build");
        int steps = Integer.getInteger("incremental.steps", 120);
        int failures = 0;
        for (int step = 1; step <= steps; step++) {
            Set<String> changed = new TreeSet<>();
            String what = change(changed);
            preview.forget(changed.stream().map(Path::of).toList()); // as the preview's file watcher does
            if (!compare(preview, "step " + step + ": " + what)) {
                failures++;
            }
        }
        System.out.printf("incremental: %d changes, %d built, %d with errors, each the same as a cold build%n",
                steps, steps - failures, failures);
        assertTrue(failures < steps * 3 / 4, failures + " of " + steps + " steps did not build: too few good builds to prove much");
    }

    @Test
    void pointsAtTheNewLineOfABrokenLinkWhenOnlyTheLinesAboveItChange() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [b](/2020/01/02/nothing/).\n");
        Rebuilds preview = new Rebuilds();
        assertEquals(List.of("content/posts/2020-01-01-a.md:4:5"), positions(preview.build(site, EVERYTHING, true)));
        write("content/posts/2020-01-01-a.md", "---\n# a comment moves the body, not the page\ntitle: A\n---\nSee [b](/2020/01/02/nothing/).\n");
        preview.forget(List.of(Path.of("content/posts/2020-01-01-a.md")));
        assertEquals(List.of("content/posts/2020-01-01-a.md:5:5"), positions(preview.build(site, EVERYTHING, true)));
    }

    @Test
    void reportsALinkToAFileThatWentAwayAndForgetsItWhenTheFileIsBack() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nRead [the guide](/files/guide.pdf).\n");
        write("content/files/guide.pdf", "%PDF-1.4\n");
        Rebuilds preview = new Rebuilds();
        assertTrue(compare(preview, "with the file"));
        Files.delete(site.resolve("content/files/guide.pdf"));
        preview.forget(List.of(Path.of("content/files/guide.pdf")));
        assertFalse(compare(preview, "file deleted"), "the link to the deleted file is broken");
        assertEquals(List.of("content/posts/2020-01-01-a.md:4:6"), positions(preview.build(site, EVERYTHING, true)));
        write("content/files/guide.pdf", "%PDF-1.4\n");
        preview.forget(List.of(Path.of("content/files/guide.pdf")));
        assertTrue(compare(preview, "file back"));
    }

    @Test
    void rerendersAPostWhenTheIncludeOrThePostItLinksToChanges() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [b]({% post_url 2020-01-02-b %}).\n\n{% include note.md %}\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nB.\n");
        write("templates/includes/note.md", "First note.\n");
        Rebuilds preview = new Rebuilds();
        String page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<a href=\"/2020/01/02/b/\">b</a>") && page.contains("<p>First note.</p>"), page);

        write("templates/includes/note.md", "Second note.\n");
        preview.forget(List.of(Path.of("templates/includes/note.md")));
        page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<p>Second note.</p>"), page);

        write("content/posts/2020-01-02-b.md", "---\ntitle: B\ndate: 2021-06-07\n---\nB.\n");
        preview.forget(List.of(Path.of("content/posts/2020-01-02-b.md")));
        page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<a href=\"/2021/06/07/b/\">b</a>"), page);

        Files.move(site.resolve("content/posts/2020-01-02-b.md"), site.resolve("content/posts/2020-01-02-c.md"));
        preview.forget(List.of(Path.of("content/posts/2020-01-02-b.md"), Path.of("content/posts/2020-01-02-c.md")));
        assertEquals(List.of("content/posts/2020-01-01-a.md:4:9: no post named '2020-01-02-b' for {% post_url %}"),
                preview.build(site, EVERYTHING, true).diagnostics().stream().map(d -> d.position() + ": " + d.message()).toList());
    }

    @Test
    void rerunsAPostThatReadsSitePostsOrSiteDataWhenAnotherPostOrADataFileChanges() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nAll: {% for p in site.posts %}{{ p.title }};{% endfor %}"
                + " lead: {{ site.data.team.lead }}.\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nB.\n");
        write("content/_data/team.yml", "lead: Ada\n");
        Rebuilds preview = new Rebuilds();
        String page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<p>All: B;A; lead: Ada.</p>"), page);

        write("content/posts/2020-01-02-b.md", "---\ntitle: Bee\n---\nB.\n");
        preview.forget(List.of(Path.of("content/posts/2020-01-02-b.md")));
        page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<p>All: Bee;A; lead: Ada.</p>"), page);

        write("content/posts/2020-01-03-c.md", "---\ntitle: C\n---\nC.\n");
        preview.forget(List.of(Path.of("content/posts/2020-01-03-c.md")));
        page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<p>All: C;Bee;A; lead: Ada.</p>"), page);

        write("content/_data/team.yml", "lead: Tom\n");
        preview.forget(List.of(Path.of("content/_data/team.yml")));
        page = page(preview.build(site, EVERYTHING, true), "2020/01/01/a/index.html");
        assertTrue(page.contains("<p>All: C;Bee;A; lead: Tom.</p>"), page);
        assertTrue(compare(preview, "after the data file changed"));
    }

    @Test
    void rerendersAPageWhenThePostItLinksToByItsFileMovesAndReportsTheLinkWhenTheFileGoes() throws IOException {
        write("content/about.md", "---\ntitle: About\n---\nSee [b](posts/2020-01-02-b.md#more).\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\n## More\n\nB.\n");
        Rebuilds preview = new Rebuilds();
        assertTrue(page(preview.build(site, EVERYTHING, true), "about/index.html").contains("<a href=\"/2020/01/02/b/#more\">b</a>"));

        write("content/posts/2020-01-02-b.md", "---\ntitle: B\ndate: 2021-06-07\n---\n## More\n\nB.\n");
        preview.forget(List.of(Path.of("content/posts/2020-01-02-b.md")));
        assertTrue(page(preview.build(site, EVERYTHING, true), "about/index.html").contains("<a href=\"/2021/06/07/b/#more\">b</a>"));

        Files.move(site.resolve("content/posts/2020-01-02-b.md"), site.resolve("content/posts/2020-01-02-c.md"));
        preview.forget(List.of(Path.of("content/posts/2020-01-02-b.md"), Path.of("content/posts/2020-01-02-c.md")));
        assertEquals(List.of("content/about.md:4:5: link to posts/2020-01-02-b.md#more does not exist: "
                        + "content/posts/2020-01-02-b.md is not a post or page of this site"),
                preview.build(site, EVERYTHING, true).diagnostics().stream().map(d -> d.position() + ": " + d.message()).toList());
    }

    private static String page(BuildResult result, String path) throws IOException {
        assertTrue(result.succeeded(), () -> text(result.diagnostics()).toString());
        return new String(files(result.plan().files()).get(path), StandardCharsets.UTF_8);
    }

    private static List<String> positions(BuildResult result) {
        return result.diagnostics().stream().map(d -> d.position().toString()).toList();
    }

    /** Builds with the memory of the earlier builds and cold; fails on any difference. Returns whether the site built. */
    private boolean compare(Rebuilds preview, String step) throws IOException {
        BuildResult incremental = preview.build(site, EVERYTHING, true);
        BuildResult cold = new SiteBuilder().build(site, EVERYTHING, true);
        assertEquals(text(cold.diagnostics()), text(incremental.diagnostics()), step + ": diagnostics differ");
        assertEquals(cold.succeeded(), incremental.succeeded(), step);
        if (!cold.succeeded()) {
            return false;
        }
        assertEquals(cold.pages(), incremental.pages(), step);
        Map<String, byte[]> expected = files(cold.plan().files());
        Map<String, byte[]> actual = files(incremental.plan().files());
        assertEquals(expected.keySet(), actual.keySet(), step + ": the files differ");
        for (var entry : expected.entrySet()) {
            if (!Arrays.equals(entry.getValue(), actual.get(entry.getKey()))) {
                fail(step + ": " + entry.getKey() + " differs from a cold build\n--- cold:\n"
                        + new String(entry.getValue(), StandardCharsets.UTF_8) + "\n--- incremental:\n"
                        + new String(actual.get(entry.getKey()), StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    private static List<String> text(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.position() + ": " + d.message() + " (" + d.hint() + ")").toList();
    }

    private static Map<String, byte[]> files(List<OutputFile> files) throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        for (OutputFile file : files) {
            bytes.put(file.path(), file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom()));
        }
        return bytes;
    }

    /** Makes one random change and names it; {@code changed} gets the paths touched, relative to the site. */
    private String change(Set<String> changed) throws IOException {
        int kind = random.nextInt(20);
        String post = posts.isEmpty() ? null : posts.get(random.nextInt(posts.size()));
        String path = post == null ? null : "content/posts/" + post;
        if (post == null || kind == 0) {
            changed.add(addPost());
            return "added " + posts.get(posts.size() - 1);
        }
        changed.add(path);
        switch (kind) {
            case 1 -> {
                append(path, "\n\nAlso " + word() + " with [a neighbour](" + urlOf(pick()) + ").\n");
                return "linked " + post + " to another post";
            }
            case 2 -> {
                replaceLine(path, "title:", "title: \"" + capitalized(word()) + " & " + word() + "\"");
                return "retitled " + post;
            }
            case 3 -> {
                replaceLine(path, "tags:", "tags: [" + String.join(", ", randomTags()) + "]");
                return "retagged " + post;
            }
            case 4 -> {
                replaceLine(path, "date:", "date: " + randomDate());
                return "redated " + post;
            }
            case 5 -> {
                String renamed = post.substring(0, 11) + word() + "-" + (++created) + ".md";
                Files.move(site.resolve(path), site.resolve("content/posts/" + renamed));
                posts.set(posts.indexOf(post), renamed);
                changed.add("content/posts/" + renamed);
                return "renamed " + post + " to " + renamed;
            }
            case 6 -> {
                Files.delete(site.resolve(path));
                posts.remove(post);
                return "deleted " + post;
            }
            case 7 -> {
                String text = read(path);
                write(path, text.contains("draft: true") ? text.replace("draft: true\n", "") : text.replaceFirst("---\n", "---\ndraft: true\n"));
                return "toggled draft of " + post;
            }
            case 8 -> {
                String first = word();
                String second = word();
                append(path, "\n\n## " + capitalized(first) + " " + second + "\n\nMore.\n");
                String other = "content/posts/" + pick();
                append(other, "\n\nSee [that part](" + urlOf(post) + "#" + first + "-" + second + ").\n");
                changed.add(other);
                return "added a heading to " + post + " and a link to it";
            }
            case 9 -> {
                for (String each : posts) {
                    String file = "content/posts/" + each;
                    write(file, read(file).replaceAll("\\n\\n(Also|See|Read) [^\\n]*\\n", "\n"));
                    changed.add(file);
                }
                write("content/about.md", read("content/about.md").replaceAll("\\n[A-Z][a-z]+ \\[[a-z]+]\\([^)]*\\)\\.\\n", "\n"));
                changed.add("content/about.md");
                return "removed the links between posts";
            }
            case 10 -> {
                changed.remove(path);
                changed.add("content/site.yml");
                write("content/site.yml", "title: " + capitalized(word()) + "\nurl: https://example.com\nauthor: Ann\npaginate: "
                        + (2 + random.nextInt(4)) + "\nfeed_size: 3\n" + (random.nextInt(3) == 0 ? "search: false\n" : ""));
                return "changed site.yml";
            }
            case 11 -> {
                changed.remove(path);
                changed.add("templates/partials/footer.mustache");
                if (random.nextBoolean() && Files.exists(site.resolve("templates/partials/footer.mustache"))) {
                    Files.delete(site.resolve("templates/partials/footer.mustache"));
                    return "removed the footer override";
                }
                write("templates/partials/footer.mustache", "<footer><p>" + word() + " {{site.title}} {{site.year}}</p></footer>\n");
                return "overrode the footer template";
            }
            case 12 -> {
                changed.remove(path);
                changed.add("content/about.md");
                append("content/about.md", "\n" + capitalized(word()) + " [" + word() + "](" + urlOf(pick()) + ").\n");
                return "edited the about page";
            }
            case 14 -> {
                write(path, read(path).replaceFirst("---\n", "---\n# " + word() + "\n"));
                return "moved the body of " + post + " a line down (same page, new positions)";
            }
            case 16 -> {
                String target = pick();
                append(path, "\n\nRead [its neighbour]({% post_url " + target.substring(0, target.length() - 3) + " %}).\n");
                return "linked " + post + " to " + target + " with post_url";
            }
            case 17 -> {
                changed.remove(path);
                changed.add("templates/includes/note.md");
                write("templates/includes/note.md", "A note on {{ site.title }}: " + word() + " [about]({% link about.md %}).\n");
                return "edited the include";
            }
            case 18 -> {
                append(path, "\n\n{% include note.md %}\n\nSee [about]({% link about.md %}) in {{ page.date | date: \"%Y\" }}, after"
                        + " {% for p in site.posts limit: 2 %}{{ p.title }}{% unless forloop.last %} and {% endunless %}{% endfor %}.\n");
                return "made " + post + " include the note";
            }
            case 19 -> {
                String target = pick();
                append(path, "\n\nRead [its neighbour's file](" + target + ").\n");
                return "linked " + post + " to " + target + " by its .md file";
            }
            case 13 -> {
                changed.remove(path);
                changed.add("content/img/a.png");
                if (random.nextInt(6) == 0) {
                    Files.write(site.resolve("content/img/a.png"), new byte[] {(byte) random.nextInt(), 2, 3, 4});
                    return "replaced an image with bytes that are no image";
                }
                int width = 300 + random.nextInt(1200);
                TestImages.write(TestImages.photo(width, 20 + random.nextInt(60), random.nextLong(), random.nextBoolean()),
                        "png", site.resolve("content/img/a.png"));
                return "replaced an image with one " + width + " pixels wide";
            }
            default -> {
                replaceLine(path, "aliases:", "aliases: [/old/" + word() + "-" + (++created) + ".html]");
                return "gave " + post + " an alias";
            }
        }
    }

    private String addPost() {
        String date = randomDate();
        String name = date.substring(0, 10) + "-post-" + (created++) + ".md";
        StringBuilder body = new StringBuilder("---\ntitle: \"Post " + created + "\"\ndate: " + date + "\ntags: ["
                + String.join(", ", randomTags()) + "]\n---\n\n" + capitalized(word()) + " " + word() + " " + word() + ".\n");
        if (!posts.isEmpty() && random.nextBoolean()) {
            body.append("\nRead [an older one](").append(urlOf(pick())).append(").\n");
        }
        if (random.nextInt(4) == 0) {
            body.append("\n![a picture](/img/a.png)\n");
        }
        if (random.nextInt(5) == 0) {
            body.insert(body.indexOf("---\n\n"), "background: /img/a.png\n");
        }
        write("content/posts/" + name, body.toString());
        posts.add(name);
        return "content/posts/" + name;
    }

    private String pick() {
        return posts.get(random.nextInt(posts.size()));
    }

    /** The URL a post has under the default permalink, from its file name (its date: line keeps the day). */
    private String urlOf(String post) {
        String text = read("content/posts/" + post);
        String date = text.substring(text.indexOf("date: ") + 6, text.indexOf("date: ") + 16);
        String slug = post.substring(11, post.length() - 3);
        return "/" + date.replace('-', '/') + "/" + slug + "/";
    }

    private String randomDate() {
        return String.format("20%02d-%02d-%02d %02d:00:00 +0%d00", 15 + random.nextInt(5), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(3));
    }

    private List<String> randomTags() {
        Set<String> tags = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        return new ArrayList<>(new TreeSet<>(tags));
    }

    private String word() {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private void replaceLine(String path, String key, String line) {
        String text = read(path);
        int at = text.indexOf("\n" + key);
        int end = text.indexOf("---", 3);
        if (at >= 0 && at < end) {
            int lineEnd = text.indexOf('\n', at + 1);
            write(path, text.substring(0, at + 1) + line + text.substring(lineEnd));
        } else {
            write(path, text.replaceFirst("---\n", "---\n" + java.util.regex.Matcher.quoteReplacement(line) + "\n"));
        }
    }

    private void append(String path, String text) {
        write(path, read(path) + text);
    }

    private String read(String path) {
        return KilnRun.read(site.resolve(path));
    }

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }
}
