package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2 (DNS rebinding): the preview answers only requests that name it. A page on
 * evil.example that rebinds its name to 127.0.0.1 sends {@code Host: evil.example}; the draft, the
 * search index and the event stream (the overlay, with file paths and source lines) must all be 403.
 * Raw sockets, since HTTP clients will not send a Host they did not connect to.
 */
@Timeout(180)
class PreviewHostCheckTest {
    private static final String DRAFT = "/2020/03/03/secret-draft/";
    private static final String SECRET = "The unpublished secret.";

    @TempDir
    Path tmp;

    private RunningPreview preview;

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private RunningPreview start(String host) throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/posts/2020-03-03-secret-draft.md"),
                "---\ntitle: Secret draft\ndraft: true\n---\n" + SECRET + "\n");
        preview = new RunningPreview(site, host);
        return preview;
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\n" + String.join("", headers.length == 0 ? new String[] {} : headers)
                + "Connection: close\r\n\r\n";
    }

    private static String host(String name) {
        return "Host: " + name + "\r\n";
    }

    private void assertRefused(RunningPreview p, String request) throws Exception {
        String answer = p.rawRequest(request);
        assertTrue(answer.startsWith("HTTP/1.1 403 "), request + "\nanswered:\n" + answer);
        assertFalse(answer.contains(SECRET) || answer.contains("Secret draft") || answer.contains("evil"), answer);
        assertTrue(request.startsWith("HEAD ") || answer.contains("403 forbidden: this preview answers only to "), answer);
    }

    @Test
    void everyUrlRefusesAHostThatIsNotThePreviews() throws Exception {
        RunningPreview p = start("127.0.0.1");
        assertTrue(p.page(DRAFT).contains(SECRET), "the draft is served to the preview's own names");
        int port = p.server.port();
        for (String target : List.of(DRAFT, "/", "/search/index.json", ReloadScript.EVENTS_PATH, "/no/such/page/",
                "/assets/css/kiln.css", "/" + "a".repeat(ServerLimits.MAX_PATH + 10))) {
            for (String evil : List.of("evil.example", "evil.example:" + port, "EVIL.example", "localhost.evil.example",
                    "127.0.0.1.evil.example", "evil.example:" + port + ":1", "localhost:abc", "[::1].evil.example", "")) {
                assertRefused(p, get(target, host(evil)));
            }
            assertRefused(p, get(target)); // no Host at all
            assertRefused(p, get(target, host("127.0.0.1"), host("evil.example"))); // two
            // An absolute target names the host too, and wins over Host (RFC 9112 3.2.2).
            assertRefused(p, get("http://evil.example" + target, host("127.0.0.1")));
            assertRefused(p, "HEAD " + target + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        }
        for (String own : List.of("localhost", "localhost:" + port, "LocalHost:" + port, "127.0.0.1", "127.0.0.1:" + port,
                "[::1]", "[::1]:" + port, "[0:0:0:0:0:0:0:1]:" + port)) {
            String answer = p.rawRequest(get(DRAFT, host(own)));
            assertTrue(answer.startsWith("HTTP/1.1 200 ") && answer.contains(SECRET), own + " answered:\n" + answer);
            assertTrue(p.rawRequest(get("/search/index.json", host(own))).startsWith("HTTP/1.1 200 "), own);
        }
        assertTrue(p.rawRequest(get("http://localhost:" + port + DRAFT, host("localhost"))).contains(SECRET));
        assertEquals(200, p.get(DRAFT).statusCode());
        p.listen(); // the event stream still opens for the page itself
    }

    @Test
    void theAddressGivenWithHostIsAnsweredToAndAWildcardStillRefusesOtherNames() throws Exception {
        RunningPreview p = start("0.0.0.0");
        assertTrue(p.server.reachableFromNetwork());
        int port = p.server.port();
        assertRefused(p, get(DRAFT, host("evil.example:" + port)));
        assertRefused(p, get(ReloadScript.EVENTS_PATH, host("evil.example")));
        assertRefused(p, get("/search/index.json", host("evil.example")));
        for (String own : List.of("localhost:" + port, "0.0.0.0:" + port, "127.0.0.1", InetAddress.getLocalHost().getHostName())) {
            String answer = p.rawRequest(get(DRAFT, host(own)));
            assertTrue(answer.startsWith("HTTP/1.1 200 ") && answer.contains(SECRET), own + " answered:\n" + answer);
        }
    }

    @Test
    void hostNamesAreComparedWithoutLookingAnythingUp() throws Exception {
        HostCheck loopback = HostCheck.forServer("127.0.0.1", InetAddress.getByName("127.0.0.1"));
        assertEquals(java.util.Set.of("localhost", "127.0.0.1", "[::1]"), loopback.names());
        assertTrue(loopback.allows("localhost:4000"));
        assertTrue(loopback.allows("[::1]:4000"));
        assertFalse(loopback.allows("[::1"));
        assertFalse(loopback.allows("[evil.example]"));
        assertFalse(loopback.allows("localhost:"));
        assertFalse(loopback.allows("localhost:123456"));
        assertFalse(loopback.allows("10.0.0.1"), "an address the server does not listen on");
        HostCheck named = HostCheck.forServer("preview.lan", InetAddress.getByName("127.0.0.1"));
        assertTrue(named.allows("preview.lan:4000"), "the --host the author chose");
        assertTrue(named.allows("PREVIEW.LAN"));
        assertFalse(named.allows("evil.preview.lan"));
        HostCheck v6 = HostCheck.forServer("::1", InetAddress.getByName("::1"));
        assertTrue(v6.allows("[::1]:4000") && v6.allows("[0::1]"));
    }
}
