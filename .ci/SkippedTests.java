import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The last check of .ci/run: a skipped test proved nothing, so CI fails when Surefire's reports
 * (TEST-*.xml, attribute skipped="N" of each testsuite, a skipped element in each skipped testcase)
 * count any skipped test, and names each one with its reason (what to install).
 * <p>
 * Usage: {@code java .ci/SkippedTests.java [DIR]} (default target/surefire-reports).
 * Exit 0: reports found, no test skipped; 1: some test was skipped; 2: no report, or one unreadable.
 * Tested by {@code CiSkippedTestsCheckTest} on crafted reports.
 */
public class SkippedTests {
    public static void main(String[] args) {
        System.exit(check(Path.of(args.length > 0 ? args[0] : "target/surefire-reports"), System.out, System.err));
    }

    static int check(Path dir, PrintStream out, PrintStream err) {
        List<Path> reports = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
                files.forEach(reports::add);
            } catch (Exception e) {
                err.println("ci: cannot list " + dir + ": " + e);
                return 2;
            }
        }
        if (reports.isEmpty()) {
            err.println("ci: no Surefire report (TEST-*.xml) in " + dir + ": did the tests run?");
            return 2;
        }
        reports.sort(null);
        long tests = 0;
        long skipped = 0;
        List<String> named = new ArrayList<>();
        for (Path report : reports) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
                tests += number(suite, "tests");
                long suiteSkipped = number(suite, "skipped");
                int listed = 0;
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testcase = (Element) cases.item(i);
                    Element skip = child(testcase, "skipped");
                    if (skip != null) {
                        listed++;
                        String reason = reason(skip);
                        named.add(testcase.getAttribute("classname") + "." + testcase.getAttribute("name")
                                + (reason.isEmpty() ? "" : ": " + reason));
                    }
                }
                if (suiteSkipped > listed) {
                    named.add(suite.getAttribute("name") + ": " + (suiteSkipped - listed) + " more skipped (see " + report.getFileName() + ")");
                }
                skipped += Math.max(suiteSkipped, listed);
            } catch (Exception e) {
                err.println("ci: cannot read " + report + ": " + e);
                return 2;
            }
        }
        if (skipped == 0) {
            out.println("ci: " + tests + " tests in " + reports.size() + " Surefire reports, none skipped");
            return 0;
        }
        err.println("ci: FAILED: " + skipped + " of " + tests + " tests were skipped; CI runs every test:");
        named.forEach(line -> err.println("  skipped " + line));
        return 1;
    }

    /** The message, or the first line of the stack trace without the exception's class name. */
    private static String reason(Element skipped) {
        String text = skipped.getAttribute("message").isEmpty() ? skipped.getTextContent().strip() : skipped.getAttribute("message");
        String first = text.lines().findFirst().orElse("");
        return first.replaceFirst("^(?:[\\w$]+\\.)+[\\w$]+: ", "");
    }

    private static long number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Long.parseLong(value.strip());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
