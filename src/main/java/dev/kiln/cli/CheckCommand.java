package dev.kiln.cli;

import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.SiteBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code kiln check}: a build in memory, with the same diagnostics as {@code build}, and nothing on disk changes.
 * {@code onStage} hears each stage as the build starts it (a test makes one fail there).
 */
record CheckCommand(Console console, Clock clock, Consumer<String> onStage) implements Command {
    static final OptionParser OPTIONS = SiteOptions.of("check", SiteOptions.SOURCE, SiteOptions.DRAFTS, SiteOptions.FUTURE,
            SiteOptions.NO_CHECK_LINKS, SiteOptions.QUIET, SiteOptions.VERBOSE, SiteOptions.HELP);

    static final String HELP = """
            Usage: kiln check [--source DIR] [--drafts] [--future] [--no-check-links] [--quiet] [--verbose]

            Builds the site in memory, exactly as 'kiln build' would, and reports every
            problem (front matter, dates, URLs, templates, broken links). Writes nothing.
              --source DIR      site folder (default: the current folder)
              --drafts          also check posts with draft: true or published: false
              --future          also check posts dated in the future
              --no-check-links  do not report links to pages that do not exist
              --quiet           print nothing when there are no problems
              --verbose         show stack traces for internal errors

            Exit codes: 0 no problems, 1 the site has errors, 2 bad usage.
            """;

    @Override
    public int run(List<String> args) {
        Arguments arguments = OPTIONS.parse(args);
        Path root = SiteOptions.source(arguments);
        if (arguments.has(SiteOptions.HELP)) {
            return console.help(HELP);
        } else if (!console.hasContent(root)) {
            return Cli.USAGE;
        }
        long start = System.nanoTime();
        try {
            BuildResult result = buildInMemory(arguments, root);
            if (!result.succeeded()) {
                console.err().println(DiagnosticPrinter.summary(result.diagnostics(), Console.millisSince(start)) + "; nothing was written");
                return Cli.SITE_ERRORS;
            }
            console.warnAboutAddress(root);
            if (!arguments.has(SiteOptions.QUIET)) {
                console.out().printf(Locale.ROOT, "No problems found in %d pages (%d files); nothing was written%n",
                        result.pages(), result.plan().files().size());
            }
            return Cli.OK;
        } catch (IOException | RuntimeException | Error e) {
            return console.buildThrew(e, root, "check", arguments.has(SiteOptions.VERBOSE), "nothing was written");
        }
    }

    /** Runs every stage in memory and prints the diagnostics. */
    private BuildResult buildInMemory(Arguments arguments, Path root) throws IOException {
        BuildResult result;
        try (BuildProgress progress = BuildProgress.start(console.err(), console.terminal())) {
            Consumer<String> stages = progress::stage;
            // The image cache and the default output's thumbnails are only read: check resizes and fetches
            // nothing it has, and writes nothing.
            result = new SiteBuilder().onStage(stages.andThen(onStage)).build(root, SiteOptions.visibility(arguments, clock),
                    !arguments.has(SiteOptions.NO_CHECK_LINKS), root.resolve("site"), false);
        }
        console.diagnostics(root, result.diagnostics());
        return result;
    }
}
