package dev.kiln.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Jekyll blogs of the kinds that stopped Kiln (src/test/resources/jekyll/bootstrap: Jekyll-Bootstrap,
 * {@code name:} and {@code production_url:}, {@code {% include JB/setup %}}, a tags page at Kiln's /tags/,
 * an atom.xml page, Liquid Kiln cannot run; minima: a CNAME and no url, theme includes, pages at /posts/ and
 * /tags/markup/, pages whose content came from their layout, a case-only alias, jekyll-feed at /atom.xml)
 * are imported and built with no error and no warning, and each post and page reads as it did: the text of
 * its content in Kiln's site is the text Jekyll 4.3.1 itself wrote there (NAME/readers/, made by
 * src/test/scripts/jekyll-readers.sh), save the differences NAME/readers-differ.txt lists, each one the
 * import reports (under "Left out" or "To check").
 */
class JekyllReadersTest {
    private static final Path FIXTURES = Path.of("src/test/resources/jekyll");
    private static final Pattern CONTENT = Pattern.compile("<div class=\"post-content[^\"]*\"[^>]*>");
    private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\">");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachPostAndPageReadsAsInJekyll() {
        return Stream.of("bootstrap", "minima").map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private void check(String name) throws IOException {
        Path source = KilnRun.copyResource("jekyll/" + name + "/source", tmp.resolve(name + "-jekyll"));
        Path target = tmp.resolve(name + "-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err(), "no error, no warning: the site has its address");
        String reported = run.out().substring(run.out().indexOf("Left out"));

        Map<String, String> differ = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FIXTURES.resolve(name).resolve("readers-differ.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split(" ", 3);
                differ.put(parts[0], parts[2]);
                assertTrue(reported.contains("\n  " + parts[1]), "the import reports " + parts[1] + " (left out, or to check):\n" + reported);
            }
        }
        Path readers = FIXTURES.resolve(name).resolve("readers");
        List<String> different = new ArrayList<>();
        try (Stream<Path> files = Files.walk(readers)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String url = "/" + readers.relativize(file).toString().replace('\\', '/');
                String jekyll = visibleText(Files.readString(file, StandardCharsets.UTF_8));
                String kiln = kilnContent(target.resolve("site"), url);
                if (differ.containsKey(url)) {
                    assertNotEquals(jekyll, kiln, url + " is listed in readers-differ.txt but reads as in Jekyll: take it off the list");
                } else if (!jekyll.equals(kiln)) {
                    different.add(url + "\n  Jekyll: " + jekyll + "\n  Kiln:   " + kiln);
                }
            }
        }
        assertEquals("", String.join("\n", different), "pages that read differently in Kiln");
    }

    /** The visible text of the content of the Kiln page at Jekyll's {@code url}, following Kiln's redirect from it. */
    private static String kilnContent(Path site, String url) throws IOException {
        Path file = site.resolve(url.substring(1));
        if (!Files.exists(file)) {
            // a URL that differs from Kiln's only in case has no redirect: a server that ignores case, as GitHub Pages, serves it
            try (Stream<Path> all = Files.walk(site)) {
                file = all.filter(p -> site.relativize(p).toString().equalsIgnoreCase(url.substring(1))).findFirst().orElse(file);
            }
        }
        for (int hops = 0; hops < 3 && Files.isRegularFile(file); hops++) {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            Matcher refresh = REFRESH.matcher(html);
            if (refresh.find()) {
                String to = refresh.group(1);
                file = site.resolve(to.substring(1) + (to.endsWith("/") ? "index.html" : ""));
                continue;
            }
            Matcher start = CONTENT.matcher(html);
            if (!start.find()) {
                return "(no post-content in " + site.relativize(file) + ")";
            }
            int end = html.indexOf("\n  </div>", start.end());
            return visibleText(html.substring(start.end(), end < 0 ? html.length() : end));
        }
        return "(no page at " + url + ")";
    }

    /** Text as a reader sees it: no tags, no heading anchors (Kiln's # links), entities read, spaces collapsed. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?s)<a class=\"anchor\"[^>]*>.*?</a>", "")
                .replaceAll("(?s)<svg.*?</svg>", "")
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<img[^>]*\\balt=\"([^\"]*)\"[^>]*>", " [image: $1] ")
                .replaceAll("(?s)</?(a|span|em|strong|code|sup|sub|abbr|small|b|i|kbd|mark)\\b[^>]*>", "")
                .replaceAll("(?s)<[^>]+>", " ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&raquo;", "»").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}
