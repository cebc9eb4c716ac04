package dev.kiln.cli;

import dev.kiln.jekyll.JekyllImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code kiln import jekyll SRC DIR}: a new Kiln site made from a Jekyll blog, which is only read. */
record ImportCommand(Console console) implements Command {
    private static final Option KEEP_URLS = Option.flag("--keep-urls");
    private static final OptionParser OPTIONS = OptionParser.of(KEEP_URLS, Option.flag("--help", "-h"))
            .positionals(Integer.MAX_VALUE, null);

    private static final String HELP = """
            Usage: kiln import jekyll SRC DIR [--keep-urls]

            Makes a new Kiln site in DIR (created if missing; an existing folder must be empty) from
            the Jekyll site in SRC, which is only read. Posts, drafts (draft: true), Markdown and HTML
            pages and static files are copied with their text unchanged; _config.yml becomes
            content/site.yml; includes that posts use go to templates/includes/. Front matter only
            gains keys: each post's and page's Jekyll URL becomes an alias (a redirect) when Kiln's
            URL differs, beside redirect_from: entries, which Kiln reads as jekyll-redirect-from
            did (one no redirect page can serve, such as /?p=12, is put in a comment and reported).
            A layout Kiln's theme lacks becomes page (or post). It prints what it wrote, what it
            left out and why, and what to check, with the file and line.
              --keep-urls    keep Jekyll's URLs as the real ones (site.yml and permalink: keys)
                             instead of redirecting them to Kiln's /:year/:month/:day/:slug/

            Exit codes: 0 imported, 1 not imported (the reason is printed), 2 bad usage.
            """;

    private PrintStream out() {
        return console.out();
    }

    @Override
    public int run(List<String> args) {
        if (OptionParser.asksForHelp(args)) {
            return console.help(HELP);
        }
        Arguments arguments = OPTIONS.parse(args);
        List<String> folders = arguments.positionals();
        if (folders.isEmpty() || !folders.get(0).equals("jekyll")) {
            String what = folders.isEmpty() ? null : folders.get(0);
            String close = what == null ? null : Suggestions.closest(what, List.of("jekyll"));
            throw new UsageException(what == null ? "import needs what to import from, e.g. kiln import jekyll my-jekyll-blog my-kiln-blog"
                    : "kiln imports Jekyll sites, not '" + what + "'" + (close == null ? "" : "; did you mean import " + close + "?"));
        }
        if (folders.size() != 3) {
            throw new UsageException("import jekyll takes two folders, the Jekyll site and the new site: kiln import jekyll SRC DIR");
        }
        Path source = Arguments.path(folders.get(1));
        Path target = Arguments.path(folders.get(2));
        try {
            JekyllImporter.Report report = JekyllImporter.importSite(source, target, arguments.has(KEEP_URLS));
            printImport(report, source, target);
            return Cli.OK;
        } catch (JekyllImporter.NotImportedException e) {
            console.diagnostics(source, e.diagnostics());
            console.err().println("kiln: " + e.getMessage());
            console.err().println("hint: " + e.hint());
            return e.usage() ? Cli.USAGE : Cli.SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            console.err().println("kiln: could not import the site: " + e);
            return Cli.SITE_ERRORS;
        } catch (Error e) {
            // The target was empty or missing before (JekyllImporter checks): anything in it now is from this import.
            return console.crashed(e, "import", false, isEmpty(target) ? "nothing was written"
                    : target + "/ holds part of the import; empty it before importing again");
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return !Files.exists(folder);
        }
    }

    private void printImport(JekyllImporter.Report report, Path source, Path target) {
        out().printf(Locale.ROOT, "Imported the Jekyll site %s into %s/: %s, %s, %s, %s.%n", source, target,
                count(report.posts(), "post"), count(report.drafts(), "draft"), count(report.pages(), "page"),
                count(report.statics(), "static file"));
        printLines("Written (paths in " + target + "/):", report.written());
        printLines("Left out (paths in " + source + "/):", report.leftOut());
        printLines("To check:", report.toCheck());
        out().println("Next: kiln build --source " + target + " (or cd " + target + " and kiln serve); its link check finds links"
                + " that were already broken.");
    }

    private void printLines(String heading, List<JekyllImporter.Line> lines) {
        out().println(heading + (lines.isEmpty() ? " nothing" : ""));
        lines.forEach(line -> out().println("  " + line.place() + ": " + line.note()));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
