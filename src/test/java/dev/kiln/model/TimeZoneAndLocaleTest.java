package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine's time zone and locale never show in the site. {@code src/test/resources/zones} (a
 * {@code language: de} site in {@code timezone: Europe/Berlin}, with offset dates at both ends of the
 * world, offset-less dates, a date from the file name, and dates in Berlin's daylight-saving gap and
 * overlap) is built by {@code dev.kiln.Main} in separate JVMs: TZ set to Pacific/Kiritimati (+14),
 * America/Adak (-10, with its own daylight saving) and UTC, each with the default locale tr-TR
 * (dotless i), de-DE and ar-EG (Arabic digits). Every output is byte-identical, dates are as
 * written or in the site's zone, and month names are German because site.yml says so.
 */
@Timeout(600)
class TimeZoneAndLocaleTest {
    private static final Path FIXTURE = Path.of("src/test/resources/zones");
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "America/Adak", "UTC");
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("de-DE"),
            Locale.forLanguageTag("ar-EG"));

    @TempDir
    static Path tmp;
    private static ExecutorService forks;
    /** Each fork, by "zone locale": its site, or its failure. */
    private static final Map<String, Future<Fork>> builds = new LinkedHashMap<>();
    private static Future<Fork> english;

    private record Fork(String name, int exitCode, String jvm, String output, Map<String, byte[]> site) {}

    /**
     * What the build JVM runs: prints the default time zone and locale it really has, then runs
     * Kiln's own main method exactly as {@code java -jar kiln.jar} does.
     */
    public static final class Launcher {
        public static void main(String[] args) {
            System.out.println("jvm: " + TimeZone.getDefault().getID() + " " + Locale.getDefault().toLanguageTag());
            Main.main(args);
        }
    }

    @BeforeAll
    static void buildEverywhere() throws Exception {
        // Two at a time: the forks are most of this test's time, and CI machines have two cores.
        forks = Executors.newFixedThreadPool(2);
        for (String zone : ZONES) {
            for (Locale locale : LOCALES) {
                String name = zone + " " + locale.toLanguageTag();
                builds.put(name, forks.submit(() -> build(name, FIXTURE, zone, locale)));
            }
        }
        // The same site with language: en, in a German JVM on the other side of the date line.
        Path en = KilnRun.copyResource("zones", tmp.resolve("zones-en"));
        KilnRun.write(en.resolve("content/site.yml"),
                KilnRun.read(en.resolve("content/site.yml")).replace("language: de\n", "language: en\n"));
        english = forks.submit(() -> build("en site in Pacific/Kiritimati de-DE", en, "Pacific/Kiritimati", Locale.GERMANY));
        forks.shutdown();
    }

    @AfterAll
    static void stop() {
        forks.shutdownNow();
    }

    private static Fork build(String name, Path source, String zone, Locale locale) throws Exception {
        Path output = tmp.resolve("out-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        Path log = tmp.resolve("log-" + output.getFileName() + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
                "-Duser.language=" + locale.getLanguage(), "-Duser.country=" + locale.getCountry(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "build", "--source", source.toString(), "--output", output.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TZ", zone);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // nothing but what is set here
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + ": the build did not end within 5 minutes");
        }
        String printed = KilnRun.read(log);
        String jvm = printed.lines().filter(l -> l.startsWith("jvm: ")).findFirst().orElse("");
        Map<String, byte[]> site = Files.isDirectory(output) ? KilnRun.files(output) : Map.of();
        return new Fork(name, process.exitValue(), jvm.replace("jvm: ", ""), printed, site);
    }

    private static List<Fork> grid() throws Exception {
        List<Fork> all = new ArrayList<>();
        for (Future<Fork> fork : builds.values()) {
            all.add(fork.get());
        }
        return all;
    }

    private static String page(Fork fork, String path) {
        byte[] bytes = fork.site().get(path);
        assertTrue(bytes != null, fork.name() + ": " + path + " was not generated; it has " + fork.site().keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void eachBuildJvmRanWithItsOwnTimeZoneAndLocale() throws Exception {
        for (Fork fork : grid()) {
            assertEquals(0, fork.exitCode(), fork.name() + ":\n" + fork.output());
            assertEquals(fork.name(), fork.jvm(), "the build JVM's defaults");
        }
    }

    @Test
    void theSiteIsByteIdenticalInEveryTimeZoneAndLocale() throws Exception {
        List<Fork> all = grid();
        Fork first = all.get(0);
        assertTrue(first.site().size() > 15, first.name() + " built " + first.site().keySet() + "\n" + first.output());
        for (Fork other : all.subList(1, all.size())) {
            assertEquals(first.site().keySet(), other.site().keySet(), first.name() + " and " + other.name() + " wrote other files");
            for (String path : first.site().keySet()) {
                assertArrayEquals(first.site().get(path), other.site().get(path), path + " differs between " + first.name()
                        + " and " + other.name());
            }
        }
    }

    /** Every post's URL, machine-readable date and shown date, as the archive lists them. */
    private static List<String> archive(Fork fork) {
        String html = page(fork, "posts/index.html");
        Matcher entry = Pattern.compile("<a href=\"(/[^\"]+/)\">[^<]*</a>\\s*<time datetime=\"([^\"]+)\">([^<]+)</time>").matcher(html);
        List<String> entries = new ArrayList<>();
        while (entry.find()) {
            entries.add(entry.group(1) + " " + entry.group(2) + " " + entry.group(3));
        }
        return entries;
    }

    @Test
    void datesKeepTheirOffsetOrTakeTheSiteTimeZoneNeverTheMachines() throws Exception {
        for (Fork fork : grid()) {
            assertEquals(List.of(
                    "/2021/10/31/in-the-overlap/ 2021-10-31T02:30:00+02:00 Oktober 31, 2021",
                    "/2021/03/28/in-the-gap/ 2021-03-28T03:30:00+02:00 März 28, 2021",
                    "/2020/12/31/offset-far-west/ 2020-12-31T23:30:00-10:00 Dezember 31, 2020",
                    "/2020/06/30/no-offset/ 2020-06-30T23:30:00+02:00 Juni 30, 2020",
                    "/2020/01/15/from-file-name/ 2020-01-15T00:00:00+01:00 Januar 15, 2020",
                    "/2019/05/05/utc/ 2019-05-05T23:59:59Z Mai 5, 2019",
                    "/2019/03/18/offset-far-east/ 2019-03-18T00:00:00+14:00 März 18, 2019"), archive(fork), fork.name());
            String feed = page(fork, "feed.xml");
            assertTrue(feed.contains("<published>2020-06-30T23:30:00+02:00</published>"), fork.name() + ": " + feed);
            assertTrue(feed.contains("<updated>2020-07-01T00:15:00+02:00</updated>"), fork.name() + ": " + feed);
        }
    }

    @Test
    void aTimeInTheDaylightSavingGapMovesForwardByTheGapAndTheOverlapTakesTheEarlierOffset() throws Exception {
        for (Fork fork : grid()) {
            String gap = page(fork, "2021/03/28/in-the-gap/index.html");
            assertTrue(gap.contains("<meta property=\"article:published_time\" content=\"2021-03-28T03:30:00+02:00\">"), fork.name() + ": " + gap);
            String overlap = page(fork, "2021/10/31/in-the-overlap/index.html");
            assertTrue(overlap.contains("<meta property=\"article:published_time\" content=\"2021-10-31T02:30:00+02:00\">"),
                    fork.name() + ": " + overlap);
        }
    }

    @Test
    void tagsWithACapitalIAreTheSameSlugInATurkishJvm() throws Exception {
        for (Fork fork : grid()) {
            assertTrue(fork.site().containsKey("tags/ide/index.html") && fork.site().containsKey("tags/istanbul/index.html"),
                    fork.name() + ": " + fork.site().keySet());
        }
    }

    @Test
    void monthNamesFollowTheSiteLanguageNotTheMachine() throws Exception {
        for (Fork fork : grid()) {
            String post = page(fork, "2019/03/18/offset-far-east/index.html");
            assertTrue(post.contains(">März 18, 2019</time>"), fork.name() + ": " + post);
            assertTrue(post.contains("<html lang=\"de\">"), fork.name() + ": " + post);
            for (String other : List.of("March", "Mart", "مارس", "١")) {
                assertFalse(page(fork, "posts/index.html").contains(other), fork.name() + " shows " + other);
            }
        }
        Fork en = english.get();
        assertEquals(0, en.exitCode(), en.output());
        assertEquals("Pacific/Kiritimati de-DE", en.jvm());
        String post = page(en, "2019/03/18/offset-far-east/index.html");
        assertTrue(post.contains(">March 18, 2019</time>"), post);
        assertEquals(List.of("October 31, 2021", "March 28, 2021", "December 31, 2020", "June 30, 2020", "January 15, 2020",
                "May 5, 2019", "March 18, 2019"), archive(en).stream().map(e -> e.split(" ", 3)[2]).toList());
    }
}
