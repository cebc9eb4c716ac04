package dev.kiln.cli;

import dev.kiln.build.BuildResult;
import dev.kiln.build.SiteBuilder;
import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.model.Visibility;
import dev.kiln.output.ForeignOutputException;
import dev.kiln.output.SiteWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Kiln's command line. The only place that prints; returns exit codes instead of exiting. */
public final class Cli {
    public static final int OK = 0;
    public static final int SITE_ERRORS = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: kiln <command> [options]

            Commands:
              build     generate the site into the output folder
              help      show this help

            Run 'kiln <command> --help' for the options of a command.
            """;

    private static final String BUILD_HELP = """
            Usage: kiln build [--source DIR] [--output DIR] [--drafts] [--future] [--no-check-links] [--verbose]

            Generates the site from DIR/content and DIR/templates (or the bundled theme).
              --source DIR   site folder (default: the current folder)
              --output DIR   where to write the site (default: DIR/site); replaced only
                             when the build succeeds
              --drafts       include posts with draft: true or published: false
              --future       include posts dated in the future
              --no-check-links  publish even if internal links are broken (emergencies only)
              --verbose      show stack traces for internal errors

            Exit codes: 0 built, 1 the site has errors (nothing written), 2 bad usage.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public Cli(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(String... args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        Options options;
        try {
            options = Options.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("kiln: " + e.getMessage());
            err.println("Run 'kiln " + command + " --help' for usage.");
            return USAGE;
        }
        return switch (command) {
            case "build" -> options.help() ? help(BUILD_HELP) : build(options);
            default -> {
                err.println("kiln: unknown command '" + command + "'");
                err.print(USAGE_TEXT);
                yield USAGE;
            }
        };
    }

    private int help(String text) {
        out.print(text);
        return OK;
    }

    private int build(Options options) {
        long start = System.nanoTime();
        Path root = options.source();
        Path output = options.output() != null ? options.output() : root.resolve("site");
        try {
            String problem = OutputLocation.problem(root, output);
            if (problem != null) {
                err.println("kiln: " + problem);
                return USAGE;
            }
            if (!Files.isDirectory(root.resolve("content"))) {
                err.println("kiln: " + root.resolve("content") + " does not exist");
                err.println("hint: run kiln in a folder with content/ (posts go in content/posts/), or pass --source DIR");
                return USAGE;
            }
            SiteWriter.checkOwnership(output);
            BuildResult result = new SiteBuilder().build(root, new Visibility(options.drafts(), options.future(), clock.instant()),
                    options.checkLinks());
            new DiagnosticPrinter(root).print(result.diagnostics(), err);
            if (!result.succeeded()) {
                err.println(summaryOfErrors(result.diagnostics().size()) + "; " + display(root, output) + " was left unchanged");
                return SITE_ERRORS;
            }
            new SiteWriter().write(result.plan(), output);
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.printf(Locale.ROOT, "Built %d pages (%d files) in %d ms into %s%n",
                    result.pages(), result.plan().files().size(), millis, display(root, output));
            return OK;
        } catch (ForeignOutputException e) {
            err.println("kiln: " + e.getMessage());
            err.println("hint: Kiln replaces its output folder on every build; choose an empty or new folder with --output,"
                    + " or delete this one if nothing in it is needed");
            return SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: internal error: " + e);
            if (options.verbose()) {
                e.printStackTrace(err);
            } else {
                err.println("hint: run again with --verbose for details; the previous site was left unchanged");
            }
            return SITE_ERRORS;
        }
    }

    private static String summaryOfErrors(int count) {
        return count == 1 ? "1 error" : count + " errors";
    }

    private static String display(Path root, Path output) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteOutput = output.toAbsolutePath().normalize();
        String shown = absoluteOutput.startsWith(absoluteRoot) ? absoluteRoot.relativize(absoluteOutput).toString() : absoluteOutput.toString();
        return shown.replace('\\', '/') + "/";
    }
}
