package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, for real: {@code kiln serve} runs in its own JVM, started as a user starts it, with a page
 * open on its event stream, and gets SIGINT ({@code kill -INT}, what the terminal sends). It exits
 * with 0 within 2 s, as its help promises, ends the page's stream, frees the port and leaves no
 * file in its temporary folder (a dedicated {@code java.io.tmpdir}). Threads cannot outlive the
 * process; {@link ServeCommandTest} checks that an in-process serve leaves none running.
 */
@Timeout(180)
class ServeInterruptTest {
    /** What the issue asks of Ctrl-C; stopping takes a few milliseconds, most of it the JVM's own exit. */
    private static final long EXIT_WITHIN_MILLIS = 2_000;
    private static final int SIGINT = 2;

    @TempDir
    Path tmp;

    private Process serve;

    @AfterEach
    void kill() {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
        }
    }

    @Test
    void ctrlCStopsServeWithExitCode0WithinTwoSecondsFreeingThePortAndLeavingNoTemporaryFile() throws Exception {
        Path kill = Tools.require("apt-get install procps", "kill");
        Path site = tmp.resolve("blog");
        RunningPreview.writeSite(site);
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path log = tmp.resolve("serve.log");

        List<String> command = new ArrayList<>();
        if (ignores(SIGINT, "self")) {
            // This JVM was started with Ctrl-C ignored (e.g. `mvn test &` in a script) and its children
            // inherit that; a terminal's `kiln serve` does not, so undo it for the child (GNU env).
            command.addAll(List.of(Tools.require("apt-get install coreutils", "env").toString(), "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + javaTmp, "-cp", System.getProperty("java.class.path"), "dev.kiln.Main",
                "serve", "--source", site.toString(), "--port", "0"));
        serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        Matcher address = awaitLog(log, Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/ "));
        int port = Integer.parseInt(address.group(1));
        awaitLog(log, Pattern.compile("Press Ctrl-C to stop\\.\n"));
        assertTrue(!ignores(SIGINT, Long.toString(serve.pid())), "kiln serve was started with SIGINT ignored");

        // A page that is open: its event stream is connected and has had its first event.
        try (Socket page = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            page.setSoTimeout((int) RunningPreview.WAIT.toMillis());
            page.getOutputStream().write(("GET " + ReloadScript.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream stream = page.getInputStream();
            String received = readUntil(stream, "event: site");
            assertTrue(received.startsWith("HTTP/1.1 200"), received);

            Process interrupt = new ProcessBuilder(kill.toString(), "-INT", Long.toString(serve.pid())).inheritIO().start();
            long sent = System.nanoTime();
            assertEquals(0, interrupt.waitFor(), "kill -INT " + serve.pid());
            boolean exited = serve.waitFor(RunningPreview.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            String printed = Files.readString(log, StandardCharsets.UTF_8);

            assertTrue(exited, "kiln serve still running " + millis + " ms after SIGINT:\n" + printed);
            System.out.printf("ctrl-c: kiln serve exited with %d, %d ms after SIGINT%n", serve.exitValue(), millis);
            assertEquals(0, serve.exitValue(), printed);
            assertTrue(millis < EXIT_WITHIN_MILLIS, "exited " + millis + " ms after SIGINT");
            assertTrue(printed.endsWith("Press Ctrl-C to stop.\nStopped.\n"), printed);
            assertEquals(-1, readToEnd(stream), "the open page's event stream is ended");
        }

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort(), "the port is free again");
        }
        try (Stream<Path> left = Files.walk(javaTmp)) {
            assertEquals(List.of(javaTmp), left.toList(), "files left in java.io.tmpdir");
        }
    }

    /** Whether the process (a pid, or "self") ignores the signal, from Linux's /proc. */
    private static boolean ignores(int signal, String pid) throws IOException {
        Path status = Path.of("/proc", pid, "status");
        if (!Files.exists(status)) {
            return false; // not Linux: the JVM's children get the default handling
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    private Matcher awaitLog(Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + RunningPreview.WAIT.toNanos();
        while (true) {
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            Matcher matcher = pattern.matcher(printed);
            if (matcher.find()) {
                return matcher;
            }
            if (!serve.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("kiln serve did not print " + pattern + (serve.isAlive() ? "" : " (it exited)") + ":\n" + printed);
            }
            Thread.sleep(20); // polling what is printed, up to the bound above
        }
    }

    private static String readUntil(InputStream in, String text) throws IOException {
        StringBuilder read = new StringBuilder();
        while (read.indexOf(text) < 0) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the stream ended before '" + text + "': " + read);
            }
            read.append((char) b);
        }
        return read.toString();
    }

    /** Reads what is left; -1 once the stream has ended (a reset counts as ended too). */
    private static int readToEnd(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // the rest of the events, if any
            }
            return -1;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }
}
