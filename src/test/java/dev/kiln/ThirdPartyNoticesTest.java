package dev.kiln;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every library the jar carries is named, with its version and licence text, in the distribution's
 * THIRD-PARTY.md: a dependency added to the pom without its notice fails here.
 */
class ThirdPartyNoticesTest {
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>(.*?)</dependency>",
            Pattern.DOTALL);

    @Test
    void everyBundledDependencyIsListedWithItsVersionAndAnExistingLicenceText() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String notices = Files.readString(Path.of("src/dist/THIRD-PARTY.md"));
        Matcher dependency = DEPENDENCY.matcher(pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>")));
        int bundled = 0;
        while (dependency.find()) {
            if (dependency.group(4).contains("<scope>test</scope>")) {
                continue;
            }
            bundled++;
            String group = dependency.group(1);
            String version = resolve(pom, dependency.group(3));
            boolean listed = notices.lines().anyMatch(line -> line.contains(group) && line.contains("| " + version + " |"));
            assertTrue(listed, group + ":" + dependency.group(2) + " " + version + " is not in src/dist/THIRD-PARTY.md");
        }
        assertTrue(bundled >= 5, "found only " + bundled + " bundled dependencies in pom.xml");
        Matcher text = Pattern.compile("`(licenses/[^`]+)`").matcher(notices);
        while (text.find()) {
            Path licence = Path.of("src/dist").resolve(text.group(1));
            assertTrue(Files.size(licence) > 500, licence + " is missing or empty");
        }
    }

    private static String resolve(String pom, String version) {
        Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
        if (!property.matches()) {
            return version;
        }
        Matcher value = Pattern.compile("<" + Pattern.quote(property.group(1)) + ">([^<]+)<").matcher(pom);
        assertTrue(value.find(), "no property " + property.group(1));
        return value.group(1);
    }
}
