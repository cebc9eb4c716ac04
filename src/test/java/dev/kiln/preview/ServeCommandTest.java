package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ServeCommandTest {
    @TempDir
    Path site;

    @Test
    void helpNamesTheOptions() {
        KilnRun run = KilnRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--port N") && run.out().contains("--host ADDR") && run.out().contains("--open"), run.out());
        assertTrue(KilnRun.of("--help").out().contains("serve "), "listed among the commands");
    }

    @Test
    void aPortInUseExits1WithAHint() throws Exception {
        RunningPreview.writeSite(site);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            KilnRun run = KilnRun.of("serve", "--source", site.toString(), "--port", String.valueOf(port));
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("kiln: port " + port + " on 127.0.0.1 is already in use\nhint: "), run.err());
            assertTrue(run.err().contains("--port 0"), run.err());
        }
    }

    @Test
    void badPortOrMissingContentIsAUsageError() {
        KilnRun run = KilnRun.of("serve", "--port", "http");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--port needs a number from 0 to 65535, not 'http'"), run.err());
        assertEquals(2, KilnRun.of("serve", "--source", site.toString(), "--port", "0").exitCode());
    }

    /** {@code kiln serve} run by the CLI in a thread of the test, with what it prints. */
    private static final class Serving {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Serving(String... args) {
            thread = new Thread(() -> exit.set(new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), KilnRun.CLOCK).run(args)));
            thread.start();
        }

        /** Waits, up to the generous bound, until stdout shows the pattern; returns the match or fails. */
        Matcher awaitOut(String regex) throws InterruptedException {
            Matcher found = Pattern.compile(regex).matcher("");
            long deadline = System.nanoTime() + RunningPreview.WAIT.toNanos();
            while (!found.reset(out()).find() && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling what is printed, up to the generous bound
            }
            assertTrue(found.find(0), "not printed: " + regex + "\n" + out() + err());
            return found;
        }

        /** What an in-process test can do instead of Ctrl-C (ServeInterruptTest sends a real one). */
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(RunningPreview.WAIT.toMillis());
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesUntilStoppedPrintingTheAddressAndLeavesNoThreadRunning() throws Exception {
        RunningPreview.writeSite(site);
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        Serving serving = new Serving("serve", "--source", site.toString(), "--port", "0");
        Matcher found = serving.awaitOut("Serving (http://127\\.0\\.0\\.1:\\d+/) ");
        assertTrue(serving.out().matches("(?s)built \\d+ pages in \\d+ ms\nServing .*"), "the preview's first line: " + serving.out());
        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(found.group(1)))
                .timeout(RunningPreview.WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Second post"));
        assertFalse(serving.err().contains("warning"), "on 127.0.0.1, no warning: " + serving.err());

        serving.stop();
        assertFalse(serving.thread.isAlive(), "serve did not return after the interrupt");
        assertEquals(0, serving.exit.get(), serving.err());
        assertTrue(serving.out().endsWith("Stopped.\n"), serving.out());

        // Every thread serve started (HTTP, watcher, rebuild, stop hook) has ended. The test's HTTP client's
        // threads are the test's; the JVM's common pool, which the build's parallel streams use, is the JVM's.
        long threadsDeadline = System.nanoTime() + RunningPreview.WAIT.toNanos();
        java.util.List<String> left;
        while (!(left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t != serving.thread && t.isAlive() && !t.getName().startsWith("HttpClient-")
                        && !t.getName().startsWith("ForkJoinPool.commonPool-"))
                .map(Thread::getName).sorted().toList()).isEmpty() && System.nanoTime() < threadsDeadline) {
            Thread.sleep(20); // polling, up to the generous bound
        }
        assertEquals(java.util.List.of(), left, "threads still running after serve returned");
    }

    /** The preview words its messages and the CLI prints them (cli is the only code that prints): a site with an error. */
    @Test
    void printsTheDiagnosticsOfAFailedBuildWithTheSourceLine() throws Exception {
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/posts/2020-01-01-first.md"), "---\ntitle: [First\n---\nThe first body.\n");
        Serving serving = new Serving("serve", "--source", site.toString(), "--port", "0");
        try {
            serving.awaitOut("Press Ctrl-C to stop\\.");
            assertEquals("""
                    content/posts/2020-01-01-first.md:2:8: error: front matter: the [ list is never closed (hint: close it with ], \
                    e.g. tags: [a, b]; if the value is text, quote it: title: "[Draft] My post")
                      title: [First
                             ^
                    1 error in 1 file (N ms); nothing to serve until it is fixed
                    """, KilnRun.withoutTimes(serving.err()));
            assertTrue(serving.out().startsWith("Serving http://127.0.0.1:"), "no built line: " + serving.out());
        } finally {
            serving.stop();
        }
    }

    @Test
    void servingToTheNetworkWarnsThatDraftsAreVisibleThereAndStillRefusesOtherHosts() throws Exception {
        RunningPreview.writeSite(site);
        Serving serving = new Serving("serve", "--source", site.toString(), "--port", "0", "--host", "0.0.0.0");
        try {
            // "Press Ctrl-C" comes after the warning: waiting for the address alone raced with it.
            Matcher found = serving.awaitOut("Serving http://localhost:(\\d+)/ [^\n]*\nPress Ctrl-C to stop\\.");
            assertTrue(serving.err().contains("warning: --host 0.0.0.0 makes the preview reachable from other"
                    + " computers: anyone on your network can read your drafts and future posts; leave --host out to serve this"
                    + " computer only\n"), serving.err());
            int port = Integer.parseInt(found.group(1));
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
            }
        } finally {
            serving.stop();
        }
        assertEquals(0, serving.exit.get());
    }
}
