package dev.kiln;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine behind validator.w3.org/nu), run in-process on HTML pages: the
 * same schema and checks as {@code vnu.jar FILE.html}, with every error kept as
 * {@code file:line:col: message}. Warnings and info messages are not errors and are not kept.
 *
 * <p>Setting up the schema takes a few seconds: make one checker and check every page with it. Not
 * thread-safe.
 */
public final class HtmlChecker {
    /** One error the checker found: where, and its message as the checker words it. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": error: " + message;
        }
    }

    private final SimpleDocumentValidator validator;
    private final List<Problem> problems = new ArrayList<>();
    private String currentFile = "";

    public HtmlChecker() {
        // Language detection only ever gives warnings, and is slow: off.
        validator = new SimpleDocumentValidator(true, false, false);
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // not an error
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(new Problem(currentFile, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        try {
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
            validator.setUpValidatorAndParsers(collect, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu Html Checker could not load its HTML schema", e);
        }
    }

    /** The errors in one page, {@code name} being how problems name it. */
    public List<Problem> check(String name, byte[] html) {
        problems.clear();
        currentFile = name;
        InputSource input = new InputSource(new ByteArrayInputStream(html));
        input.setSystemId(name);
        try {
            validator.checkHtmlInputSource(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            problems.add(new Problem(name, 0, 0, "the checker stopped: " + e.getMessage()));
        }
        return List.copyOf(problems);
    }

    /**
     * The errors in every {@code .html} file under {@code dir}, in path order, each named
     * {@code shownAs/relative/path.html} (e.g. {@code src/test/resources/sites/blog/expected/index.html}).
     */
    public Report checkAll(Path dir, String shownAs) {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(dir)) {
            pages = walk.filter(p -> p.getFileName().toString().endsWith(".html") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> all = new ArrayList<>();
        for (Path page : pages) {
            try {
                String name = shownAs + "/" + dir.relativize(page).toString().replace('\\', '/');
                all.addAll(check(name, Files.readAllBytes(page)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Report(pages.size(), all);
    }

    /** What {@link #checkAll} found: how many pages it checked, and every error in them. */
    public record Report(int pages, List<Problem> problems) {
        /** Every error on its own line, then the count: what a failing test prints. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Problem p : problems) {
                text.append(p).append('\n');
            }
            long files = problems.stream().map(Problem::file).distinct().count();
            return text.append(problems.size()).append(" HTML error(s) in ").append(files).append(" of ")
                    .append(pages).append(" page(s)").toString();
        }
    }
}
