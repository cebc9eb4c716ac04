package dev.kiln;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/run ends with {@code java .ci/SkippedTests.java target/surefire-reports}: CI fails when any
 * test was skipped. Here the check runs, as .ci/run runs it, on Surefire reports written the way
 * Surefire 3.5 writes them (a passing class, a test aborted for a missing program, a suite that
 * only counts its skip).
 */
class CiSkippedTestsCheckTest {
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation="
            + "\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\" version=\"3.0.2\" ";

    @TempDir
    Path tmp;

    private record Run(int exitCode, String output) {}

    private static Run check(Path reports) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, ".ci/SkippedTests.java", reports.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check did not end");
        return new Run(process.exitValue(), output);
    }

    private void report(Path dir, String suite, String attributes, String testcases) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-" + suite + ".xml"), HEADER + "name=\"" + suite + "\" time=\"0.2\" " + attributes + ">\n"
                + "  <properties>\n    <property name=\"java.specification.version\" value=\"17\"/>\n  </properties>\n"
                + testcases + "</testsuite>\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(suite + ".txt"), "Tests run: 1, Failures: 0, Errors: 0, Skipped: 1\n"); // ignored
    }

    private void passingReport(Path dir) throws IOException {
        report(dir, "dev.kiln.ToolsTest", "tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"0\"",
                "  <testcase name=\"findsAProgramInAnyPathFolderNotOnlyUsrBin\" classname=\"dev.kiln.ToolsTest\" time=\"0.1\"/>\n"
                        + "  <testcase name=\"triesTheNamesInOrderAndReportsAbsence\" classname=\"dev.kiln.ToolsTest\" time=\"0.01\"/>\n");
    }

    @Test
    void passesWhenNoTestWasSkipped() throws Exception {
        Path reports = tmp.resolve("surefire-reports");
        passingReport(reports);
        report(reports, "dev.kiln.build.RealContentTest", "tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\"",
                "  <testcase name=\"feedsAndSitemapAreWellFormedForXmllint\" classname=\"dev.kiln.build.RealContentTest\" time=\"0.3\">\n"
                        + "    <system-out><![CDATA[<skipped> is only text here]]></system-out>\n  </testcase>\n");

        Run run = check(reports);

        assertEquals(0, run.exitCode(), run.output());
        assertEquals("ci: 3 tests in 2 Surefire reports, none skipped\n", run.output());
    }

    @Test
    void failsNamingEachSkippedTestAndWhatToInstall() throws Exception {
        Path reports = tmp.resolve("surefire-reports");
        passingReport(reports);
        report(reports, "dev.kiln.preview.LiveReloadBrowserTest", "tests=\"1\" errors=\"0\" skipped=\"1\" failures=\"0\"",
                "  <testcase name=\"anOpenPostShowsTheEditedText\" classname=\"dev.kiln.preview.LiveReloadBrowserTest\" time=\"0.0\">\n"
                        + "    <skipped type=\"org.opentest4j.TestAbortedException\"><![CDATA[org.opentest4j.TestAbortedException: "
                        + "chromium or chromium-browser is not on PATH (/usr/bin); install it: apt-get install chromium chromium-driver\n"
                        + "\tat org.junit.jupiter.api.Assumptions.abort(Assumptions.java:295)\n]]></skipped>\n"
                        + "  </testcase>\n");
        report(reports, "dev.kiln.build.SomeDisabledTest", "tests=\"1\" errors=\"0\" skipped=\"1\" failures=\"0\"",
                "  <testcase name=\"x\" classname=\"dev.kiln.build.SomeDisabledTest\" time=\"0.0\"/>\n");

        Run run = check(reports);

        assertEquals(1, run.exitCode(), run.output());
        assertEquals("ci: FAILED: 2 of 4 tests were skipped; CI runs every test:\n"
                + "  skipped dev.kiln.build.SomeDisabledTest: 1 more skipped (see TEST-dev.kiln.build.SomeDisabledTest.xml)\n"
                + "  skipped dev.kiln.preview.LiveReloadBrowserTest.anOpenPostShowsTheEditedText: chromium or chromium-browser is not on PATH"
                + " (/usr/bin); install it: apt-get install chromium chromium-driver\n", run.output());
    }

    @Test
    void failsWhenThereIsNoReportAtAll() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("surefire-reports"));

        Run run = check(empty);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("ci: no Surefire report (TEST-*.xml) in "), run.output());
    }

    @Test
    void ciRunChecksFreshReportsRightAfterTheReadmesTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(".ci/run"));
        int clean = lines.indexOf("rm -rf target/surefire-reports");
        int test = lines.indexOf("mvn -B -ntp test");
        int check = lines.indexOf("java .ci/SkippedTests.java target/surefire-reports");
        assertTrue(clean >= 0 && clean < test && test < check, "in .ci/run: old reports removed, tests run, then checked:\n" + lines);
        assertTrue(lines.contains("set -euo pipefail"), "a failing check fails the run");
    }
}
