package dev.kiln.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

/** /feed.json against JSON Feed 1.1 (https://jsonfeed.org/version/1.1), and against the Atom feed it mirrors. */
class JsonFeedTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void feedJsonIsAValidJsonFeedWithTheAtomFeedsEntries() {
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("blog"));
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        String text = KilnRun.read(site.resolve("site/feed.json"));
        Map<String, Object> feed = new Json().toType(text, Map.class);

        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version"));
        assertTrue(feed.get("title") instanceof String title && !title.isEmpty(), "title is required");
        String home = (String) feed.get("home_page_url");
        assertTrue(home.startsWith("https://") && home.endsWith("/"), home);
        assertEquals(home + "feed.json", feed.get("feed_url"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) feed.get("items");
        assertFalse(items.isEmpty());

        String atom = KilnRun.read(site.resolve("site/feed.xml"));
        Matcher ids = Pattern.compile("<entry>\\s*<title[^>]*>[^<]*</title>\\s*<link[^>]*/>\\s*<id>([^<]+)</id>").matcher(atom);
        List<String> atomIds = ids.results().map(m -> m.group(1)).toList();
        assertEquals(atomIds, items.stream().map(i -> (String) i.get("id")).toList());
        for (Map<String, Object> item : items) {
            assertEquals(item.get("id"), item.get("url"));
            assertTrue(item.get("content_html") instanceof String html && !html.contains("href=\"/"),
                    "content_html with absolute links: " + item.get("content_html"));
            OffsetDateTime.parse((String) item.get("date_published")); // RFC 3339
            OffsetDateTime.parse((String) item.get("date_modified"));
            if (item.containsKey("tags")) {
                assertTrue(item.get("tags") instanceof List<?> tags && tags.stream().allMatch(String.class::isInstance), "" + item);
            }
            if (item.containsKey("authors")) {
                assertTrue(((List<Map<String, Object>>) item.get("authors")).get(0).get("name") instanceof String, "" + item);
            }
        }
        String head = KilnRun.read(site.resolve("site/index.html"));
        assertTrue(head.contains("<link rel=\"alternate\" type=\"application/feed+json\" href=\"/feed.json\""), head);
    }
}
