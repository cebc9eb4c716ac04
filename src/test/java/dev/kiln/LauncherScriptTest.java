package dev.kiln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher, for real: {@code src/dist/bin/kiln}, the very file that
 * {@code src/assembly/dist.xml} puts into {@code target/kiln-<version>.zip}, run by a shell from
 * folders outside this repository, through a symlink in a {@code ~/bin}-like folder on {@code PATH},
 * as a user who unzipped the distribution runs it.
 * <p>
 * Surefire runs this in the {@code test} phase, before {@code package} makes the shaded jar and the
 * zip, so the test lays out the zip's folders itself: {@code bin/kiln}, {@code bin/kiln.cmd} and a
 * {@code lib/kiln.jar} whose manifest names {@code dev.kiln.Main} and this build's classes and
 * dependencies. {@code .ci/run} then unzips the real zip and builds a site with it.
 * <p>
 * Every wait is bounded (60 s) and waits for what it expects; none sleeps for a fixed time.
 */
@Timeout(300)
class LauncherScriptTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The build options, and transparent huge pages where the kernel offers them and they are not turned off. */
    private static final List<String> QUICK = hugePagesOn()
            ? List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn100m", "-XX:InitialRAMPercentage=3",
                    "-XX:+UseTransparentHugePages")
            : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn100m", "-XX:InitialRAMPercentage=3");
    private static final int SIGINT = 2;

    private static boolean hugePagesOn() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException e) {
            return false;
        }
    }

    @TempDir
    static Path tmp;

    /** The unzipped distribution: kiln-test/{bin,lib}. */
    private static Path dist;
    /** A ~/bin-like folder holding only a relative symlink {@code kiln}, through a symlinked install folder. */
    private static Path userBin;
    /** The PATH of a user with a JDK: {@code java} and {@code readlink}, nothing else. */
    private static Path withJava;
    /** The PATH of a user without java: only {@code readlink}. */
    private static Path withoutJava;
    private static String version;

    private Process serve;

    @BeforeAll
    static void layOutTheDistribution() throws IOException {
        dist = tmp.resolve("kiln-test");
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Files.copy(Path.of("src/dist/bin/kiln"), bin.resolve("kiln"));
        Files.setPosixFilePermissions(bin.resolve("kiln"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(Path.of("src/dist/bin/kiln.cmd"), bin.resolve("kiln.cmd"));
        writeLauncherJar(Files.createDirectories(dist.resolve("lib")));

        // ~/kiln -> the unzipped folder (absolute), ~/bin/kiln -> ../kiln/bin/kiln (relative).
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(home.resolve("kiln"), dist);
        userBin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(userBin.resolve("kiln"), Path.of("../kiln/bin/kiln"));

        Path readlink = Tools.require("apt-get install coreutils", "readlink");
        withJava = Files.createDirectories(tmp.resolve("path-with-java"));
        Files.createSymbolicLink(withJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(withJava.resolve("readlink"), readlink);
        withoutJava = Files.createDirectories(tmp.resolve("path-without-java"));
        Files.createSymbolicLink(withoutJava.resolve("readlink"), readlink);

        Properties properties = new Properties();
        try (InputStream in = LauncherScriptTest.class.getResourceAsStream("/dev/kiln/version.properties")) {
            properties.load(in);
        }
        version = properties.getProperty("version");
        assertFalse(version.contains("${"), "Maven filled in the version: " + version);
    }

    /**
     * lib/kiln.jar as {@code java -jar} sees the shaded one: its manifest names the main class, and its
     * Class-Path the compiled classes and dependency jars of this build, linked under lib/classpath/.
     */
    private static void writeLauncherJar(Path lib) throws IOException {
        Path links = Files.createDirectories(lib.resolve("classpath"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || path.endsWith("test-classes") || !Files.exists(path)) {
                continue;
            }
            String name = classPath.size() + (Files.isDirectory(path) ? "" : ".jar");
            Files.createSymbolicLink(links.resolve(name), path);
            classPath.add("classpath/" + name + (Files.isDirectory(path) ? "/" : ""));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.kiln.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(lib.resolve("kiln.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            // the manifest is all
        }
    }

    @AfterEach
    void stopServe() {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
        }
    }

    @Test
    void printsTheVersionThroughASymlinkOnPathFromAnyFolder() throws Exception {
        Run run = kiln(Files.createDirectories(tmp.resolve("anywhere")), Map.of(), "--version");
        assertEquals(0, run.code(), run.err());
        assertEquals("kiln " + version + "\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void createsBuildsAndServesANewSiteFromAnEmptyFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("new-user"));
        Run created = kiln(folder, Map.of(), "new", "site", "blog");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("Created a new site in blog/:\n"), created.out());

        Path blog = folder.resolve("blog");
        Run built = kiln(blog, Map.of(), "build");
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().startsWith("Built "), built.out());
        assertTrue(Files.isRegularFile(blog.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(blog.resolve("site/about/index.html")));

        // kiln serve as a terminal runs it; Ctrl-C is SIGINT to the foreground process.
        Path log = tmp.resolve("serve.log");
        List<String> command = new ArrayList<>();
        if (ignores(SIGINT, "self")) {
            // This JVM was started with Ctrl-C ignored (e.g. `mvn test &` in a script) and its children
            // inherit that; a terminal's `kiln serve` does not, so undo it for the child (GNU env).
            command.addAll(List.of(Tools.require("apt-get install coreutils", "env").toString(), "--default-signal=INT"));
        }
        command.addAll(List.of(userBin.resolve("kiln").toString(), "serve", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(blog.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder, Map.of());
        serve = builder.start();

        Matcher address = awaitLog(log, Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/ "));
        awaitLog(log, Pattern.compile("Press Ctrl-C to stop\\.\n"));
        // The launcher exec'd java: the JVM itself gets Ctrl-C, and serve runs with the quick options too.
        ProcessHandle.Info info = serve.info();
        assertTrue(info.command().orElseThrow().endsWith("/java"), "the shell was replaced by " + info.command());
        List<String> jvmArguments = List.of(info.arguments().orElseThrow());
        assertTrue(jvmArguments.contains("-jar") && jvmArguments.contains("serve"), jvmArguments.toString());
        assertEquals(QUICK, jvmArguments.subList(0, QUICK.size()), jvmArguments.toString());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.group(1) + "/"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Welcome to my blog"), home.body());

        Path kill = Tools.require("apt-get install procps", "kill");
        assertEquals(0, new ProcessBuilder(kill.toString(), "-INT", Long.toString(serve.pid())).inheritIO().start().waitFor());
        boolean exited = serve.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "kiln serve still running after SIGINT:\n" + printed);
        assertEquals(0, serve.exitValue(), printed);
        assertTrue(printed.endsWith("Stopped.\n"), printed);
    }

    @Test
    void buildsACopiedSiteAndExitsWith1OnABrokenOne() throws Exception {
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("copied-site"));
        Run built = kiln(site, Map.of(), "build", "--quiet");
        assertEquals(0, built.code(), built.err());
        assertEquals("", built.out() + built.err());
        assertTrue(Files.isRegularFile(site.resolve("site/2019/03/18/offset-kept/index.html")));

        Path broken = KilnRun.copyResource("errors/invalid-yaml-list", tmp.resolve("broken-site"));
        Run failed = kiln(tmp, Map.of(), "build", "--source", broken.toString());
        assertEquals(1, failed.code(), failed.out() + failed.err());
        assertTrue(failed.err().contains("content/posts/2020-01-02-broken.md:4:7: error: front matter: the [ list is never closed"),
                failed.err());
        assertFalse(Files.exists(broken.resolve("site")));

        Run checked = kiln(broken, Map.of(), "check");
        assertEquals(1, checked.code(), checked.out() + checked.err());
        Run usage = kiln(broken, Map.of(), "biuld");
        assertEquals(2, usage.code(), usage.out() + usage.err());
        assertTrue(usage.err().startsWith("kiln: unknown command 'biuld'; did you mean build?\n"), usage.err());
    }

    @Test
    void findsJavaThroughJavaHomeWhenPathHasNone() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("java-home-only"));
        Run run = kiln(folder, Map.of("PATH", withoutJava.toString(), "JAVA_HOME", System.getProperty("java.home")),
                "--version");
        assertEquals(0, run.code(), run.err());
        assertEquals("kiln " + version + "\n", run.out());
    }

    @Test
    void saysHowToGetJavaWhenThereIsNone() throws Exception {
        Run none = kiln(tmp, Map.of("PATH", withoutJava.toString()), "build");
        assertEquals(1, none.code());
        assertEquals("", none.out());
        assertEquals("kiln: no java found: Kiln needs Java 17 or later; install a JDK (https://adoptium.net) and put its bin/ "
                + "on PATH, or set JAVA_HOME\n", none.err());

        Path nowhere = tmp.resolve("no-jdk-here");
        Run wrongHome = kiln(tmp, Map.of("JAVA_HOME", nowhere.toString()), "build");
        assertEquals(1, wrongHome.code());
        assertEquals("kiln: JAVA_HOME is set to '" + nowhere + "', but " + nowhere + "/bin/java is not there; point "
                + "JAVA_HOME at a JDK 17 or later, or unset it to use the java on PATH\n", wrongHome.err());
    }

    @Test
    void refusesJavaOlderThan17WithAClearMessage() throws Exception {
        for (String old : List.of("11.0.22", "1.8.0_392", "16")) {
            Path jdk = fakeJdk("jdk-" + old, old);
            Run run = kiln(tmp, Map.of("JAVA_HOME", jdk.toString()), "build");
            assertEquals(1, run.code(), run.out() + run.err());
            assertEquals("", run.out());
            assertEquals("kiln: Kiln needs Java 17 or later, but " + jdk + "/bin/java is Java " + old
                    + "; install a newer JDK and set JAVA_HOME to it\n", run.err());
        }
    }

    @Test
    void passesTheQuickJvmOptionsToEveryCommandAndEveryArgumentUnchanged() throws Exception {
        Path jdk = fakeJdk("jdk-fake-21", "21.0.2");
        String jar = dist.toRealPath().resolve("lib/kiln.jar").toString();
        Path folder = Files.createDirectories(tmp.resolve("with * files"));
        Files.writeString(folder.resolve("a-file"), "so that * would match something");
        Files.writeString(folder.resolve("-Dkiln.x=matched"), "so that -Dkiln.x=* would match something");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());

        for (String command : List.of("build", "check", "new", "serve", "--version")) {
            Run run = kiln(folder, env, command, "--source", "my site", "*", "");
            assertEquals(42, run.code(), "the JVM's exit code is kiln's");
            List<String> expected = new ArrayList<>(QUICK);
            expected.addAll(List.of("-jar", jar, command, "--source", "my site", "*", ""));
            assertEquals(expected, run.lines(), command);
        }
        Run withOptions = kiln(folder, Map.of("JAVA_HOME", jdk.toString(), "JAVA_OPTS", "-Da=1", "KILN_OPTS", " -Xmx64m  -Dkiln.x=*"),
                "serve");
        List<String> expected = new ArrayList<>(QUICK);
        expected.addAll(List.of("-Da=1", "-Xmx64m", "-Dkiln.x=*", "-jar", jar, "serve"));
        assertEquals(expected, withOptions.lines(),
                "options split into words, after the defaults so they can override them, never expanded as file patterns");
    }

    /** A JAVA_HOME whose bin/java says it is the given version, and otherwise prints its arguments and exits 42. */
    private static Path fakeJdk(String name, String javaVersion) throws IOException {
        Path jdk = tmp.resolve(name);
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -version ]; then
                  echo 'openjdk version "%s" 2024-01-16' >&2
                  echo 'OpenJDK Runtime Environment (build x)' >&2
                  exit 0
                fi
                for argument in "$@"; do printf '[%%s]\\n' "$argument"; done
                exit 42
                """.formatted(javaVersion));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    private record Run(int code, String out, String err) {
        /** What a fake java printed: one argument per line, in brackets. */
        List<String> lines() {
            return out.lines().map(line -> {
                assertTrue(line.startsWith("[") && line.endsWith("]"), out + err);
                return line.substring(1, line.length() - 1);
            }).toList();
        }
    }

    /** Runs the launcher through the user's symlink, in {@code folder}, and waits for it. */
    private static Run kiln(Path folder, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(userBin.resolve("kiln").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(builder, env);
        Process process = builder.start();
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kiln " + String.join(" ", args) + " still running after " + WAIT.toSeconds() + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A user's environment: java and readlink on PATH, no JAVA_HOME or JVM options unless given. */
    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        for (String name : List.of("JAVA_HOME", "JAVA_OPTS", "KILN_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "CDPATH")) {
            environment.remove(name);
        }
        environment.put("PATH", withJava.toString());
        environment.putAll(env);
    }

    private Matcher awaitLog(Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
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
}
