package dev.kiln.cli;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.output.OutputException;
import dev.kiln.output.OutputLock;
import dev.kiln.output.OutputProblem;
import dev.kiln.pipeline.BuildProfile;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.SiteBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code kiln build}: builds the site and, when it has no errors, replaces Kiln's files in the output folder.
 * {@code onStage} hears each stage as the build starts it (a test makes one fail there).
 */
record BuildCommand(Console console, Clock clock, Consumer<String> onStage) implements Command {
    private static final Option OUTPUT = Option.valued("--output", "-o");
    private static final Option PROFILE = Option.flag("--profile");
    private static final Option NO_WAIT = Option.flag("--no-wait");
    static final OptionParser OPTIONS = SiteOptions.of("build", SiteOptions.SOURCE, OUTPUT, SiteOptions.DRAFTS, SiteOptions.FUTURE,
            SiteOptions.NO_CHECK_LINKS, PROFILE, SiteOptions.QUIET, NO_WAIT, SiteOptions.VERBOSE, SiteOptions.HELP);

    static final String HELP = """
            Usage: kiln build [--source DIR] [--output DIR] [--drafts] [--future] [--no-check-links] [--profile] [--quiet]
                              [--no-wait] [--verbose]

            Generates the site from DIR/content and DIR/templates (or the bundled theme).
              --source DIR   site folder (default: the current folder)
              --output DIR   where to write the site (default: DIR/site); Kiln's files in it are
                             replaced only when the build succeeds, other files are kept
              --drafts       include posts with draft: true or published: false
              --future       include posts dated in the future
              --no-check-links  publish even if internal links are broken (emergencies only)
              --profile      print the time of each stage and the slowest templates and pages
              --quiet        print nothing when the build succeeds (errors are always printed)
              --no-wait      stop if another build is writing to the output folder (default: wait)
              --verbose      show stack traces for internal errors

            Exit codes: 0 built, 1 the site has errors (nothing written), 2 bad usage.
            """;

    private PrintStream out() {
        return console.out();
    }

    private PrintStream err() {
        return console.err();
    }

    @Override
    public int run(List<String> args) {
        Arguments arguments = OPTIONS.parse(args);
        Path root = SiteOptions.source(arguments);
        Path output = arguments.path(OUTPUT, root.resolve("site"));
        if (arguments.has(SiteOptions.HELP)) {
            return console.help(HELP);
        }
        List<String> commandLine = new ArrayList<>(List.of("kiln", "build"));
        commandLine.addAll(args);
        return build(arguments, root, output, String.join(" ", commandLine));
    }

    /** {@code command} is the command line, for another build that finds the output locked. */
    private int build(Arguments arguments, Path root, Path output, String command) {
        long start = System.nanoTime();
        String shown = Console.display(root, output);
        try {
            String problem = OutputLocation.problem(root, output);
            if (problem != null) {
                err().println("kiln: " + problem);
                return Cli.USAGE;
            }
            if (!console.hasContent(root)) {
                return Cli.USAGE;
            }
            Consumer<OutputLock.Holder> onWait = arguments.has(NO_WAIT) ? null
                    : holder -> err().println("kiln: waiting for " + shown + ": it is being built by " + holder.describe());
            try (OutputLock lock = OutputLock.acquire(output, command, clock, onWait)) {
                return buildLocked(arguments, root, output, start);
            }
        } catch (OutputException e) {
            printOutputProblems(e.problems(), "error", root, output);
            int count = e.problems().size();
            err().println(count + (count == 1 ? " error" : " errors") + " writing the site; " + shown
                    + (e.siteUnchanged() ? " was left unchanged" : " is partly replaced: build again once the problem is fixed"));
            return Cli.SITE_ERRORS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("kiln: interrupted while waiting for " + shown + "; nothing was written");
            return Cli.SITE_ERRORS;
        } catch (IOException | RuntimeException | Error e) {
            return console.buildThrew(e, root, "build", arguments.has(SiteOptions.VERBOSE), "the previous site was left unchanged");
        }
    }

    private int buildLocked(Arguments arguments, Path root, Path output, long start) throws IOException, OutputException {
        String shown = Console.display(root, output);
        List<OutputProblem> warnings = new ArrayList<>();
        BuildResult result;
        try (BuildProgress progress = BuildProgress.start(err(), console.terminal())) {
            Consumer<String> stages = progress::stage;
            result = new SiteBuilder().onStage(stages.andThen(onStage))
                    .buildInto(root, output, SiteOptions.visibility(arguments, clock), !arguments.has(SiteOptions.NO_CHECK_LINKS), warnings::add);
        }
        console.diagnostics(root, result.diagnostics());
        printOutputProblems(warnings, "warning", root, output);
        if (!result.succeeded()) {
            err().println(DiagnosticPrinter.summary(result.diagnostics(), Console.millisSince(start)) + "; " + shown + " was left unchanged");
            return Cli.SITE_ERRORS;
        }
        console.warnAboutAddress(root);
        if (!arguments.has(SiteOptions.QUIET)) {
            out().printf(Locale.ROOT, "Built %d pages (%d files) in %d ms into %s%n",
                    result.pages(), result.plan().files().size(), Console.millisSince(start), shown);
        }
        if (!warnings.isEmpty()) {
            err().println(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + ": the new site is in place in "
                    + shown + "; the files named above are left from earlier builds");
        }
        if (arguments.has(PROFILE)) {
            printProfile(result.profile());
        }
        return Cli.OK;
    }

    /** Problems with files of the output folder, like diagnostics: {@code site/CNAME: error: ... (hint: ...)}; 20 at most. */
    private void printOutputProblems(List<OutputProblem> problems, String severity, Path root, Path output) {
        int shown = Math.min(problems.size(), 20);
        for (OutputProblem problem : problems.subList(0, shown)) {
            String folder = Console.display(root, output);
            String path = problem.inSources() ? problem.path()
                    : problem.path().isEmpty() ? folder.substring(0, folder.length() - 1) : folder + problem.path();
            err().println(Diagnostic.visible(path + ": " + severity + ": " + problem.message()
                    + (problem.hint() == null ? "" : " (hint: " + problem.hint() + ")")));
        }
        if (problems.size() > shown) {
            err().println("... and " + (problems.size() - shown) + " more");
        }
    }

    private void printProfile(BuildProfile profile) {
        out().println("Stages:");
        profile.stages().forEach(t -> out().printf(Locale.ROOT, "  %-14s %8.0f ms%n", t.name(), t.millis()));
        out().println("Slowest templates (all their pages):");
        profile.slowestTemplates().forEach(t -> out().printf(Locale.ROOT, "  %-40s %8.1f ms%n", t.name(), t.millis()));
        out().println("Slowest pages:");
        profile.slowestPages().forEach(t -> out().printf(Locale.ROOT, "  %-60s %8.1f ms%n", t.name(), t.millis()));
        out().printf(Locale.ROOT, "Markdown bodies: %d compiled, %d from .kiln-cache%n", profile.bodiesCompiled(), profile.bodiesFromCache());
        out().printf(Locale.ROOT, "Resized images: %d made, %d reused%n", profile.imagesResized(), profile.imagesReused());
        var images = profile.images();
        out().printf(Locale.ROOT, "WebP copies: %d made, %d reused%n", images.webpMade(), images.webpReused());
        out().printf(Locale.ROOT, "Images read and hashed: %d; decoded: %d", images.hashed(), images.decoded());
        if (images.decoded() > 0) {
            double megapixels = images.decodedPixels() / 1e6;
            out().printf(Locale.ROOT, " (%.1f megapixels in %.2f s of CPU, %.1f megapixels a second a core;"
                    + " resizing and encoding %.2f s of CPU)", megapixels, images.decodeNanos() / 1e9,
                    megapixels / Math.max(images.decodeNanos() / 1e9, 1e-9), images.resizeNanos() / 1e9);
        }
        out().println();
    }
}
