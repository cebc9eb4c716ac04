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
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
 * Every wait is bounded (10 min: a JDK 25 training build took over 60 s on 2 cores at load 28) and
 * waits for what it expects; none sleeps for a fixed time.
 */
@Timeout(1800) // a guard against a hung launcher, far above WAIT; not a speed check
class LauncherScriptTest {
    private static final Duration WAIT = Duration.ofMinutes(10);
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
    /** The PATH of a user with a JDK: {@code java}, and the few tools the launcher uses. */
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
        writeClassesJar(Files.createDirectories(dist.resolve("lib")), "");

        // ~/kiln -> the unzipped folder (absolute), ~/bin/kiln -> ../kiln/bin/kiln (relative).
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(home.resolve("kiln"), dist);
        userBin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(userBin.resolve("kiln"), Path.of("../kiln/bin/kiln"));

        Path readlink = Tools.require("apt-get install coreutils", "readlink");
        withJava = Files.createDirectories(tmp.resolve("path-with-java"));
        Files.createSymbolicLink(withJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(withJava.resolve("readlink"), readlink);
        // What the start-up cache takes from coreutils and findutils, as on any Linux or macOS.
        for (String tool : List.of("cksum", "wc", "mkdir", "mv", "rm")) {
            Files.createSymbolicLink(withJava.resolve(tool), Tools.require("apt-get install coreutils", tool));
        }
        Files.createSymbolicLink(withJava.resolve("find"), Tools.require("apt-get install findutils", "find"));
        withoutJava = Files.createDirectories(tmp.resolve("path-without-java"));
        Files.createSymbolicLink(withoutJava.resolve("readlink"), readlink);

        Properties properties = new Properties();
        try (InputStream in = LauncherScriptTest.class.getResourceAsStream("/dev/kiln/version.properties")) {
            properties.load(in);
        }
        version = properties.getProperty("version");
        assertFalse(version.contains("${"), "Maven filled in the version: " + version);
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
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "KILN_STARTUP_CACHE", "off");

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

    @Test
    void readsTheJdkVersionFromItsReleaseFileWithoutStartingAJvm() throws Exception {
        // This java would answer -version with 21; the release file says 11, and the launcher believes it.
        Path old = fakeJdk("jdk-release-11", "21.0.2");
        Files.writeString(old.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.22\"\n");
        Run refused = kiln(tmp, Map.of("JAVA_HOME", old.toString()), "build");
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertEquals("kiln: Kiln needs Java 17 or later, but " + old + "/bin/java is Java 11.0.22; install a newer JDK and set JAVA_HOME to it\n",
                refused.err());

        Path current = fakeJdk("jdk-release-21", "11.0.22");
        Files.writeString(current.resolve("release"), "JAVA_VERSION=\"21.0.2\"\nJAVA_RUNTIME_VERSION=\"21.0.2+13\"");
        Run run = kiln(tmp, Map.of("JAVA_HOME", current.toString(), "KILN_STARTUP_CACHE", "off"), "--version");
        assertEquals(42, run.code(), run.out() + run.err());
        List<String> expected = new ArrayList<>(QUICK);
        expected.addAll(List.of("-jar", dist.toRealPath().resolve("lib/kiln.jar").toString(), "--version"));
        assertEquals(expected, run.lines(), "java was not asked for its version, only run once");
    }

    @Test
    void runsTheCommandAsUsualWhenTheCacheCannotBeMadeAndTriesOnlyOnce() throws Exception {
        String jar = dist.toRealPath().resolve("lib/kiln.jar").toString();
        Path jdk = fakeJdk("jdk-cache-fails", "21.0.2");
        Path cache = tmp.resolve("cache-of-a-fake");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "KILN_STARTUP_CACHE", cache.toString());
        List<String> plain = new ArrayList<>(QUICK);
        plain.addAll(List.of("-jar", jar, "build", "--quiet"));
        for (int build = 1; build <= 2; build++) {
            Run run = kiln(tmp, env, "build", "--quiet");
            assertEquals(42, run.code(), "the JVM's exit code is kiln's");
            assertEquals(plain, run.lines(), "the build itself runs as it would without a cache");
            List<String> calls = Files.readAllLines(jdk.resolve("calls.log"));
            // The first build trained (its first JVM, making the sample site, failed); the second did not try again.
            assertEquals(build + 1, calls.size(), calls.toString());
            assertTrue(calls.get(0).matches(Pattern.quote(String.join(" ", QUICK) + " -jar " + jar + " new site " + cache)
                    + "/\\d+-\\d+\\.\\d+\\.tmp/site"), calls.toString());
            assertEquals(1, files(cache).size(), files(cache).toString());
            assertTrue(files(cache).get(0).getFileName().toString().matches("\\d+-\\d+\\.failed"), files(cache).toString());
        }
        Path other = fakeJdk("jdk-cache-fails-too", "21.0.2");
        Run version = kiln(tmp, Map.of("JAVA_HOME", other.toString(), "KILN_STARTUP_CACHE", cache.toString()), "--version");
        assertEquals(42, version.code());
        assertEquals(1, Files.readAllLines(other.resolve("calls.log")).size(), "--version never trains");
    }

    @Test
    void makesTheStartupCacheOnTheFirstBuildAndMapsItAfterwards() throws Exception {
        Path launcher = cachingDistribution("kiln-cache-used");
        Path xdg = tmp.resolve("xdg-used");
        Path cache = xdg.resolve("kiln/startup");
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("cache-used-site"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", xdg.toString());

        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        Path archive = theOnlyArchive(cache, thisJdksKind());
        FileTime made = Files.getLastModifiedTime(archive);

        assertMapped(true, launcher, site, env, "build", "--quiet");
        assertMapped(true, launcher, site, env, "build", "--help");
        assertMapped(false, launcher, site, env, "--version"); // it loads next to nothing: no cache to look up
        assertEquals(List.of(archive), files(cache), "used as it is");
        assertEquals(made, Files.getLastModifiedTime(archive));

        // Without the cache, the same classes come from the jar: the check above can fail.
        Map<String, String> off = Map.of("XDG_CACHE_HOME", xdg.toString(), "KILN_STARTUP_CACHE", "off");
        assertMapped(false, launcher, site, off, "build", "--quiet");
        Map<String, String> ownSharing = Map.of("XDG_CACHE_HOME", tmp.resolve("xdg-own-sharing").toString(), "KILN_OPTS", "-Xshare:off");
        assertQuietBuild(launch(launcher, site, ownSharing, "build", "--quiet"));
        assertFalse(Files.exists(tmp.resolve("xdg-own-sharing")), "the user's own -Xshare option wins: no cache of ours");
    }

    @Test
    void makesTheStartupCacheAgainForANewJarOrJdkBuild() throws Exception {
        Path launcher = cachingDistribution("kiln-cache-refreshed");
        Path cache = tmp.resolve("cache-refreshed");
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("cache-refreshed-site"));
        Map<String, String> env = Map.of("KILN_STARTUP_CACHE", cache.toString());
        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        Path first = theOnlyArchive(cache, thisJdksKind());

        // The same JDK through another JAVA_HOME whose release file names another build of it, then a
        // third: each build of a JDK gets its own archive, which replaces the one of the JDK it updated.
        Path jdk = tmp.resolve("jdk-updated");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> updated = Map.of("KILN_STARTUP_CACHE", cache.toString(), "JAVA_HOME", jdk.toString());
        Path second = null;
        for (String build : List.of("first", "second")) {
            Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + Runtime.version().feature() + "\"\nJAVA_RUNTIME_VERSION=\""
                    + Runtime.version() + "-" + build + "\"\n");
            assertQuietBuild(launch(launcher, site, updated, "build", "--quiet"));
            List<Path> archives = files(cache);
            assertEquals(2, archives.size(), archives.toString());
            assertTrue(archives.contains(first), archives.toString());
            assertFalse(archives.contains(second), "the JDK's previous build's archive is gone: " + archives);
            second = archives.get(archives.get(0).equals(first) ? 1 : 0);
            assertValid(second);
            assertMapped(true, launcher, site, updated, "build", "--help");
        }

        // A new jar in the same place: the old archive goes, a new one is made and used.
        Path lib = launcher.getParent().resolveSibling("lib");
        writeClassesJar(lib, "a later release");
        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        List<Path> archives = files(cache);
        assertEquals(2, archives.size(), archives.toString());
        assertFalse(archives.contains(first), archives.toString());
        assertTrue(archives.contains(second), "the other JDK's stays: " + archives);
        Path remade = archives.get(archives.get(0).equals(second) ? 1 : 0);
        assertValid(remade);
        assertMapped(true, launcher, site, env, "build", "--help");
    }

    @Test
    void buildsAsUsualWithADamagedArchiveAndMakesItAgain() throws Exception {
        Path launcher = cachingDistribution("kiln-cache-damaged");
        Path cache = tmp.resolve("cache-damaged");
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("cache-damaged-site"));
        Map<String, String> env = Map.of("KILN_STARTUP_CACHE", cache.toString());
        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        Path archive = theOnlyArchive(cache, thisJdksKind());
        long size = Files.size(archive);

        // Truncated (a full disk, a copy cut short): JDK 17 would crash on it, so it never gets it.
        try (FileChannel file = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            file.truncate(size / 2);
        }
        Run build = launch(launcher, site, env, "build");
        assertEquals(0, build.code(), build.out() + build.err());
        assertTrue(build.out().matches("Built \\d+ pages \\(\\d+ files\\) in \\d+ ms into site/\\n"), build.out());
        assertEquals("", build.err());
        assertNoCrashReports(site);
        archive = theOnlyArchive(cache, thisJdksKind());
        assertMapped(true, launcher, site, env, "build", "--help");

        // Not an archive at all, of the right size: the JVM refuses it quietly and runs without it.
        byte[] noise = new byte[(int) Files.size(archive)];
        new java.util.Random(21).nextBytes(noise);
        Files.write(archive, noise);
        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        assertNoCrashReports(site);
        assertMapped(false, launcher, site, env, "build", "--help");
    }

    @Test
    void twoFirstBuildsAtOnceBothSucceedAndLeaveOnlyWholeArchives() throws Exception {
        Path launcher = cachingDistribution("kiln-cache-concurrent");
        Path cache = tmp.resolve("cache-concurrent");
        Map<String, String> env = Map.of("KILN_STARTUP_CACHE", cache.toString());
        Path one = KilnRun.copyResource("sites/blog", tmp.resolve("concurrent-one"));
        Path two = KilnRun.copyResource("sites/blog", tmp.resolve("concurrent-two"));
        Started first = start(launcher, one, env, "build", "--quiet");
        Started second = start(launcher, two, env, "build", "--quiet");
        assertQuietBuild(first.finish());
        assertQuietBuild(second.finish());
        assertTrue(Files.isRegularFile(one.resolve("site/index.html")) && Files.isRegularFile(two.resolve("site/index.html")));
        List<Path> archives = files(cache);
        assertFalse(archives.isEmpty());
        for (Path archive : archives) {
            assertValid(archive); // no temporary file left, none half-written
        }
        assertMapped(true, launcher, one, env, "build", "--help");
    }

    @Test
    void buildsWithoutTheCacheWhereThereIsNoPlaceForIt() throws Exception {
        Path launcher = cachingDistribution("kiln-cache-nowhere");
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("cache-nowhere-site"));
        Path aFile = Files.writeString(tmp.resolve("not-a-folder"), "a file where the cache folder would go");
        assertQuietBuild(launch(launcher, site, Map.of("KILN_STARTUP_CACHE", aFile.resolve("startup").toString()), "build", "--quiet"));
        Map<String, String> homeless = new java.util.HashMap<>();
        homeless.put("HOME", null);
        homeless.put("XDG_CACHE_HOME", null);
        assertQuietBuild(launch(launcher, site, homeless, "build", "--quiet"));
        assertMapped(false, launcher, site, homeless, "build", "--help");
    }

    @Test
    void makesAnAotCacheWithJdk25() throws Exception {
        Path jdk = jdk25().orElse(null);
        Assumptions.assumeTrue(jdk != null, "no JDK 25 or later under /usr/lib/jvm (or KILN_TEST_JDK25): its AOT cache is not tested");
        Path launcher = cachingDistribution("kiln-cache-aot");
        Path cache = tmp.resolve("cache-aot");
        Path site = KilnRun.copyResource("sites/blog", tmp.resolve("cache-aot-site"));
        Map<String, String> env = Map.of("KILN_STARTUP_CACHE", cache.toString(), "JAVA_HOME", jdk.toString());
        assertQuietBuild(launch(launcher, site, env, "build", "--quiet"));
        theOnlyArchive(cache, "aot");
        assertMapped(true, launcher, site, env, "build", "--quiet");
        assertNoCrashReports(site);
    }

    /** A JDK whose release file says 25 or later: KILN_TEST_JDK25, else the newest under /usr/lib/jvm. */
    private static Optional<Path> jdk25() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String given = System.getenv("KILN_TEST_JDK25");
        if (given != null && !given.isEmpty()) {
            candidates.add(Path.of(given));
        } else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
                jdks.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            }
        }
        for (Path jdk : candidates) {
            Path release = jdk.resolve("release");
            if (Files.isExecutable(jdk.resolve("bin/java")) && Files.isRegularFile(release)) {
                Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
                    return Optional.of(jdk);
                }
            }
        }
        return Optional.empty();
    }

    private static String thisJdksKind() {
        return Runtime.version().feature() >= 25 ? "aot" : "jsa";
    }

    private static void assertQuietBuild(Run run) {
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("", run.out() + run.err(), "the cache is made and used without a word");
    }

    /** Whether the command's JVM took Kiln's main class from a class data sharing archive, as it logs it. */
    private static void assertMapped(boolean mapped, Path launcher, Path folder, Map<String, String> env, String... args)
            throws Exception {
        Path log = Files.createTempFile(tmp, "class-load", ".log");
        Map<String, String> logged = new java.util.HashMap<>(env);
        logged.put("KILN_OPTS", "-Xlog:class+load=info:file=" + log);
        Run run = launch(launcher, folder, logged, args);
        assertEquals(0, run.code(), run.out() + run.err());
        String main = Files.readAllLines(log).stream().filter(line -> line.contains(" dev.kiln.Main source: ")).findFirst()
                .orElseThrow(() -> new AssertionError("dev.kiln.Main was not loaded"));
        assertEquals(mapped, main.contains("source: shared objects file"), main);
    }

    /** The cache holds one archive of the kind, whole: its size is the one its name was given when it was made. */
    private static Path theOnlyArchive(Path cache, String kind) throws IOException {
        List<Path> archives = files(cache);
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).toString().endsWith("." + kind), archives.toString());
        assertValid(archives.get(0));
        return archives.get(0);
    }

    private static void assertValid(Path archive) throws IOException {
        Matcher name = Pattern.compile("\\d+-\\d+-(\\d+)\\.(jsa|aot)").matcher(archive.getFileName().toString());
        assertTrue(name.matches(), archive.toString());
        assertEquals(Long.parseLong(name.group(1)), Files.size(archive), archive.toString());
    }

    private static void assertNoCrashReports(Path folder) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(folder), Files.list(tmp))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /**
     * Another unzipped distribution, whose lib/kiln.jar holds this build's classes as the shaded jar does
     * (class data sharing archives classes from jars only, not from folders); returns its bin/kiln.
     */
    private static Path cachingDistribution(String name) throws IOException {
        Path home = tmp.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("src/dist/bin/kiln"), bin.resolve("kiln"));
        Files.setPosixFilePermissions(bin.resolve("kiln"), PosixFilePermissions.fromString("rwxr-xr-x"));
        writeClassesJar(Files.createDirectories(home.resolve("lib")), "");
        return bin.resolve("kiln");
    }

    /** lib/kiln.jar with the compiled classes inside and the dependency jars on its Class-Path; a note makes another jar. */
    private static void writeClassesJar(Path lib, String note) throws IOException {
        Path links = Files.createDirectories(lib.resolve("classpath"));
        List<String> classPath = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || path.endsWith("test-classes") || !Files.exists(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                folders.add(path);
                continue;
            }
            Path link = links.resolve(classPath.size() + ".jar");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, path);
            classPath.add("classpath/" + link.getFileName());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.kiln.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED"); // as pom.xml writes it
        if (!note.isEmpty()) {
            manifest.getMainAttributes().putValue("Kiln-Test-Note", note);
        }
        Path written = lib.resolve("kiln.jar.new");
        try (OutputStream out = Files.newOutputStream(written); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Path folder : folders) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.sorted().toList()) {
                        String entry = folder.relativize(file).toString().replace('\\', '/');
                        if (entry.isEmpty()) {
                            continue;
                        }
                        boolean isFolder = Files.isDirectory(file);
                        jar.putNextEntry(new JarEntry(isFolder ? entry + "/" : entry)); // the theme is listed by folder
                        if (!isFolder) {
                            Files.copy(file, jar);
                        }
                        jar.closeEntry();
                    }
                }
            }
        }
        Files.move(written, lib.resolve("kiln.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A JAVA_HOME whose bin/java says it is the given version, and otherwise prints its arguments, adds
     * them to calls.log beside bin/, and exits 42.
     */
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
                printf '%%s\\n' "$*" >>"${0%%/bin/java}/calls.log"
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
        return launch(userBin.resolve("kiln"), folder, env, args);
    }

    private static Run launch(Path launcher, Path folder, Map<String, String> env, String... args) throws Exception {
        return start(launcher, folder, env, args).finish();
    }

    /** A launcher started, its stdout and stderr going to files. */
    private record Started(Process process, Path out, Path err, List<String> args) {
        Run finish() throws Exception {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kiln " + String.join(" ", args) + " still running after " + WAIT.toSeconds() + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private static Started start(Path launcher, Path folder, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(builder, env);
        return new Started(builder.start(), out, err, List.of(args));
    }

    /**
     * A user's environment: java and readlink on PATH, no JAVA_HOME or JVM options unless given, and a
     * cache folder of this test's own (never the real user's ~/.cache). A null value removes the variable.
     */
    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        for (String name : List.of("JAVA_HOME", "JAVA_OPTS", "KILN_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "CDPATH",
                "KILN_STARTUP_CACHE")) {
            environment.remove(name);
        }
        environment.put("PATH", withJava.toString());
        environment.put("XDG_CACHE_HOME", tmp.resolve("xdg-cache").toString());
        env.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
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
