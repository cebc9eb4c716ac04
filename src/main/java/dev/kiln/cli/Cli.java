package dev.kiln.cli;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.diag.FileErrorText;
import dev.kiln.jekyll.JekyllImporter;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputException;
import dev.kiln.output.OutputLock;
import dev.kiln.output.OutputProblem;
import dev.kiln.pipeline.BuildProfile;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.SiteBuilder;
import dev.kiln.preview.BrowserOpener;
import dev.kiln.preview.PortInUseException;
import dev.kiln.preview.PreviewServer;
import dev.kiln.preview.PreviewSettings;
import dev.kiln.scaffold.PostScaffold;
import dev.kiln.scaffold.SiteScaffold;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Kiln's command line. The only place that prints; returns exit codes instead of exiting. */
public final class Cli {
    public static final int OK = 0;
    public static final int SITE_ERRORS = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: kiln <command> [options]

            Commands:
              build     generate the site into the output folder
              check     report every problem of the site without writing anything
              serve     preview the site with live reload
              new       start a new site (new site DIR) or a new post (new post "Title")
              import    make a new site from a Jekyll blog (import jekyll SRC DIR)
              version   print Kiln's version (also --version)
              help      show this help

            Run 'kiln <command> --help' for the options of a command.
            """;

    private static final String BUILD_HELP = """
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

    private static final String SERVE_HELP = """
            Usage: kiln serve [--source DIR] [--port 4000] [--host 127.0.0.1] [--open] [--no-check-links]

            Builds the site in memory, drafts and future posts included, and serves it at
            http://127.0.0.1:4000/. Edits to content/ and templates/ rebuild it and reload the
            open pages; errors show in the terminal and over the page, and the last good site
            stays up. Nothing is written to disk. Ctrl-C stops.
              --source DIR      site folder (default: the current folder)
              --port N          port to listen on (default: 4000; 0 picks a free one)
              --host ADDR       address to listen on (default: 127.0.0.1, this computer only;
                                0.0.0.0 shows your drafts to your network); requests naming
                                any other host than localhost or ADDR get 403
              --open            open the site in the default browser
              --no-check-links  do not report links to pages that do not exist
              --verbose         show stack traces for internal errors

            Exit codes: 0 stopped, 1 could not serve (e.g. the port is in use), 2 bad usage.
            """;

    private static final String CHECK_HELP = """
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

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    /** Whether err is a terminal: progress is shown only there, never in pipes, logs or CI. */
    private final boolean terminal;
    /** Whether errors may be coloured: on a terminal, unless NO_COLOR is set. */
    private final boolean colour;

    public Cli(PrintStream out, PrintStream err, Clock clock) {
        this(out, err, clock, false, false);
    }

    public Cli(PrintStream out, PrintStream err, Clock clock, boolean terminal, boolean colour) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.terminal = terminal;
        this.colour = colour;
    }

    public int run(String... args) {
        if (args.length == 2 && args[0].equals("help") && !args[1].startsWith("-")) {
            // kiln help build is kiln build --help, as git and cargo have it
            return args[1].equals("help") ? run("help") : run(args[1], "--help");
        }
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        if (List.of("version", "--version", "-V").contains(command)) {
            // Not "kiln " + version(): the first string concatenation spins up java.lang.invoke (150 classes).
            out.print("kiln ");
            out.println(version());
            return OK;
        }
        if (command.equals("new")) {
            return newCommand(List.of(args).subList(1, args.length));
        }
        if (command.equals("import")) {
            return importCommand(List.of(args).subList(1, args.length));
        }
        if (!Options.OF_COMMAND.containsKey(command)) {
            TreeSet<String> commands = new TreeSet<>(Options.OF_COMMAND.keySet());
            commands.addAll(List.of("new", "import", "version", "help"));
            String close = Suggestions.closest(command, commands);
            err.println("kiln: unknown command '" + command + "'" + (close == null ? "" : "; did you mean " + close + "?"));
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Options options;
        try {
            options = Options.parse(command, List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("kiln: " + e.getMessage());
            err.println("Run 'kiln " + command + " --help' for usage.");
            return USAGE;
        }
        return switch (command) {
            case "build" -> options.help() ? help(BUILD_HELP) : build(options, "kiln " + String.join(" ", args));
            case "check" -> options.help() ? help(CHECK_HELP) : check(options);
            default -> options.help() ? help(SERVE_HELP) : serve(options);
        };
    }

    private static final String NEW_HELP = """
            Usage: kiln new site DIR
                   kiln new post "My title" [--tags a,b] [--draft] [--source DIR]

            new site writes a site that builds at once into DIR (created if missing; an existing
            folder must be empty): content/site.yml with every setting explained, a first post, an
            about page, a masthead image and a .gitignore for site/.

            new post writes content/posts/YYYY-MM-DD-my-title.md, dated now in the site's time zone,
            and prints the URL it will have. It never overwrites a file.
              --tags a,b     tags of the post
              --draft        mark it draft: true (published only with build --drafts; serve shows it)
              --source DIR   site folder (default: the current folder)

            Exit codes: 0 written, 1 not written (the reason is printed), 2 bad usage.
            """;

    private int newCommand(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            (args.isEmpty() ? err : out).print(NEW_HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        String what = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            return help(NEW_HELP);
        }
        try {
            return switch (what) {
                case "site" -> newSite(rest);
                case "post" -> newPost(rest);
                default -> {
                    String close = Suggestions.closest(what, List.of("site", "post"));
                    throw new IllegalArgumentException("kiln new makes a site or a post, not '" + what + "'"
                            + (close == null ? "" : "; did you mean new " + close + "?"));
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("kiln: " + e.getMessage());
            err.println("Run 'kiln new --help' for usage.");
            return USAGE;
        }
    }

    private int newSite(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new IllegalArgumentException("new site takes one folder, e.g. kiln new site my-blog");
        }
        Path folder = Path.of(args.get(0));
        try {
            List<String> written = new SiteScaffold().create(folder, clock.instant());
            out.println("Created a new site in " + folder + "/:");
            written.forEach(file -> out.println("  " + file));
            out.println("Next: cd " + folder + ", then kiln serve to preview it; before kiln build publishes it into site/, set url:"
                    + " in content/site.yml to the address it will have (until then the build warns).");
            return OK;
        } catch (SiteScaffold.FolderNotEmptyException e) {
            err.println("kiln: " + e.getMessage() + "; nothing was written");
            err.println("hint: choose a new or empty folder for the new site");
            return SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not write the new site: " + e);
            return SITE_ERRORS;
        }
    }

    private int newPost(List<String> args) {
        String title = null;
        List<String> tags = List.of();
        boolean draft = false;
        Path source = Path.of(".");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--tags" -> tags = java.util.Arrays.stream(value(args, ++i, arg).split(","))
                        .map(String::strip).filter(t -> !t.isEmpty()).toList();
                case "--draft" -> draft = true;
                case "--source", "-s" -> source = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        String close = Suggestions.closest(arg, List.of("--tags", "--draft", "--source"));
                        throw new IllegalArgumentException("unknown option '" + arg + "'" + (close == null ? "" : "; did you mean " + close + "?"));
                    }
                    if (title != null) {
                        throw new IllegalArgumentException("new post takes one title; quote it: kiln new post \"My title\"");
                    }
                    title = arg;
                }
            }
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("new post needs a title, e.g. kiln new post \"My title\"");
        }
        if (!hasContent(source)) {
            return USAGE;
        }
        try {
            PostScaffold.NewPost post = new PostScaffold().create(source, title.strip(), tags, draft, clock.instant());
            out.println("Wrote " + post.path() + "; it will be at " + post.url() + (draft ? " (a draft)" : ""));
            return OK;
        } catch (PostScaffold.NotWrittenException e) {
            new DiagnosticPrinter(source, colour).print(e.diagnostics(), err);
            err.println("kiln: " + e.getMessage());
            return SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not write the post: " + e);
            return SITE_ERRORS;
        }
    }

    private static final String IMPORT_HELP = """
            Usage: kiln import jekyll SRC DIR [--keep-urls]

            Makes a new Kiln site in DIR (created if missing; an existing folder must be empty) from
            the Jekyll site in SRC, which is only read. Posts, drafts (draft: true), Markdown and HTML
            pages and static files are copied with their text unchanged; _config.yml becomes
            content/site.yml; includes that posts use go to templates/includes/. Front matter only
            gains keys: each post's and page's Jekyll URL becomes an alias (a redirect) when Kiln's
            URL differs, and so do redirect_from: entries. A layout Kiln's theme lacks becomes page
            (or post). It prints what it wrote, what it left out and why, and what to check, with
            the file and line.
              --keep-urls    keep Jekyll's URLs as the real ones (site.yml and permalink: keys)
                             instead of redirecting them to Kiln's /:year/:month/:day/:slug/

            Exit codes: 0 imported, 1 not imported (the reason is printed), 2 bad usage.
            """;

    private int importCommand(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            return help(IMPORT_HELP);
        }
        List<String> folders = new java.util.ArrayList<>();
        boolean keepUrls = false;
        for (String arg : args) {
            if (arg.equals("--keep-urls")) {
                keepUrls = true;
            } else if (arg.startsWith("-")) {
                String close = Suggestions.closest(arg, List.of("--keep-urls", "--help"));
                return importUsage("unknown option '" + arg + "'" + (close == null ? "" : "; did you mean " + close + "?"));
            } else {
                folders.add(arg);
            }
        }
        if (folders.isEmpty() || !folders.get(0).equals("jekyll")) {
            String what = folders.isEmpty() ? null : folders.get(0);
            String close = what == null ? null : Suggestions.closest(what, List.of("jekyll"));
            return importUsage(what == null ? "import needs what to import from, e.g. kiln import jekyll my-jekyll-blog my-kiln-blog"
                    : "kiln imports Jekyll sites, not '" + what + "'" + (close == null ? "" : "; did you mean import " + close + "?"));
        }
        if (folders.size() != 3) {
            return importUsage("import jekyll takes two folders, the Jekyll site and the new site: kiln import jekyll SRC DIR");
        }
        Path source = Path.of(folders.get(1));
        Path target = Path.of(folders.get(2));
        try {
            JekyllImporter.Report report = JekyllImporter.importSite(source, target, keepUrls);
            printImport(report, source, target);
            return OK;
        } catch (JekyllImporter.NotImportedException e) {
            new DiagnosticPrinter(source, colour).print(e.diagnostics(), err);
            err.println("kiln: " + e.getMessage());
            err.println("hint: " + e.hint());
            return e.usage() ? USAGE : SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not import the site: " + e);
            return SITE_ERRORS;
        }
    }

    private int importUsage(String message) {
        err.println("kiln: " + message);
        err.println("Run 'kiln import --help' for usage.");
        return USAGE;
    }

    private void printImport(JekyllImporter.Report report, Path source, Path target) {
        out.printf(Locale.ROOT, "Imported the Jekyll site %s into %s/: %s, %s, %s, %s.%n", source, target,
                count(report.posts(), "post"), count(report.drafts(), "draft"), count(report.pages(), "page"),
                count(report.statics(), "static file"));
        printLines("Written (paths in " + target + "/):", report.written());
        printLines("Left out (paths in " + source + "/):", report.leftOut());
        printLines("To check:", report.toCheck());
        out.println("Next: kiln build --source " + target + " (or cd " + target + " and kiln serve); its link check finds links"
                + " that were already broken.");
    }

    private void printLines(String heading, List<JekyllImporter.Line> lines) {
        out.println(heading + (lines.isEmpty() ? " nothing" : ""));
        lines.forEach(line -> out.println("  " + line.place() + ": " + line.note()));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    /** Colour only for a person at a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
    public static boolean colourFor(boolean terminal, java.util.Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }

    /** This build's version, from the properties Maven fills in. */
    static String version() {
        try (java.io.InputStream in = Cli.class.getResourceAsStream("/dev/kiln/version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private int help(String text) {
        out.print(text);
        return OK;
    }

    private int build(Options options, String command) {
        long start = System.nanoTime();
        Path root = options.source();
        Path output = options.output() != null ? options.output() : root.resolve("site");
        String shown = display(root, output);
        try {
            String problem = OutputLocation.problem(root, output);
            if (problem != null) {
                err.println("kiln: " + problem);
                return USAGE;
            }
            if (!hasContent(root)) {
                return USAGE;
            }
            Consumer<OutputLock.Holder> onWait = options.noWait() ? null
                    : holder -> err.println("kiln: waiting for " + shown + ": it is being built by " + holder.describe());
            try (OutputLock lock = OutputLock.acquire(output, command, clock, onWait)) {
                List<OutputProblem> warnings = new ArrayList<>();
                BuildResult result;
                try (BuildProgress progress = BuildProgress.start(err, terminal)) {
                    result = siteBuilder(progress).buildInto(root, output, visibility(options), options.checkLinks(), warnings::add);
                }
                new DiagnosticPrinter(root, colour).print(result.diagnostics(), err);
                printOutputProblems(warnings, "warning", root, output);
                if (!result.succeeded()) {
                    err.println(DiagnosticPrinter.summary(result.diagnostics(), millisSince(start)) + "; " + shown + " was left unchanged");
                    return SITE_ERRORS;
                }
                warnAboutAddress(root);
                if (!options.quiet()) {
                    out.printf(Locale.ROOT, "Built %d pages (%d files) in %d ms into %s%n",
                            result.pages(), result.plan().files().size(), millisSince(start), shown);
                }
                if (!warnings.isEmpty()) {
                    err.println(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + ": the new site is in place in "
                            + shown + "; the files named above are left from earlier builds");
                }
                if (options.profile()) {
                    printProfile(result.profile());
                }
                return OK;
            }
        } catch (OutputException e) {
            printOutputProblems(e.problems(), "error", root, output);
            int count = e.problems().size();
            err.println(count + (count == 1 ? " error" : " errors") + " writing the site; " + shown
                    + (e.siteUnchanged() ? " was left unchanged" : " is partly replaced: build again once the problem is fixed"));
            return SITE_ERRORS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kiln: interrupted while waiting for " + shown + "; nothing was written");
            return SITE_ERRORS;
        } catch (IOException e) {
            return fileError(e, root, "the previous site was left unchanged");
        } catch (java.io.UncheckedIOException e) {
            return fileError(e.getCause(), root, "the previous site was left unchanged");
        } catch (RuntimeException e) {
            return internalError(e, options, "the previous site was left unchanged");
        }
    }

    /** Problems with files of the output folder, like diagnostics: {@code site/CNAME: error: ... (hint: ...)}; 20 at most. */
    private void printOutputProblems(List<OutputProblem> problems, String severity, Path root, Path output) {
        int shown = Math.min(problems.size(), 20);
        for (OutputProblem problem : problems.subList(0, shown)) {
            String folder = display(root, output);
            String path = problem.inSources() ? problem.path()
                    : problem.path().isEmpty() ? folder.substring(0, folder.length() - 1) : folder + problem.path();
            err.println(Diagnostic.visible(path + ": " + severity + ": " + problem.message()
                    + (problem.hint() == null ? "" : " (hint: " + problem.hint() + ")")));
        }
        if (problems.size() > shown) {
            err.println("... and " + (problems.size() - shown) + " more");
        }
    }

    /** An I/O error outside the writer (reading the sources): the file and what went wrong, in words. */
    private int fileError(IOException e, Path root, String consequence) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        if (file == null) {
            err.println("kiln: " + FileErrorText.reason(e) + "; " + consequence);
        } else {
            Path path = Path.of(file).toAbsolutePath().normalize();
            Path site = root.toAbsolutePath().normalize();
            String shown = path.startsWith(site) ? site.relativize(path).toString().replace('\\', '/') : path.toString();
            err.println(Diagnostic.visible("kiln: " + shown + ": " + FileErrorText.reason(e)) + "; " + consequence);
        }
        String hint = FileErrorText.hint(e);
        if (hint != null) {
            err.println("hint: " + hint);
        }
        return SITE_ERRORS;
    }

    private void warnAboutAddress(Path root) throws IOException {
        String warning = SiteAddress.warning(root);
        if (warning != null) {
            err.println(colour ? warning.replaceFirst(": warning: ", ": \u001b[33mwarning\u001b[0m: ") : warning);
        }
    }

    /** A build in memory: the same diagnostics as {@code build}, and nothing on disk changes. */
    private int check(Options options) {
        if (!hasContent(options.source())) {
            return USAGE;
        }
        long start = System.nanoTime();
        try {
            BuildResult result = buildInMemory(options);
            if (!result.succeeded()) {
                err.println(DiagnosticPrinter.summary(result.diagnostics(), millisSince(start)) + "; nothing was written");
                return SITE_ERRORS;
            }
            warnAboutAddress(options.source());
            if (!options.quiet()) {
                out.printf(Locale.ROOT, "No problems found in %d pages (%d files); nothing was written%n",
                        result.pages(), result.plan().files().size());
            }
            return OK;
        } catch (IOException e) {
            return fileError(e, options.source(), "nothing was written");
        } catch (java.io.UncheckedIOException e) {
            return fileError(e.getCause(), options.source(), "nothing was written");
        } catch (RuntimeException e) {
            return internalError(e, options, "nothing was written");
        }
    }

    /** Runs every stage in memory and prints the diagnostics. */
    private BuildResult buildInMemory(Options options) throws IOException {
        BuildResult result;
        try (BuildProgress progress = BuildProgress.start(err, terminal)) {
            // The image cache and the default output's thumbnails are only read: check resizes and fetches
            // nothing it has, and writes nothing.
            result = siteBuilder(progress).build(options.source(), visibility(options), options.checkLinks(),
                    options.source().resolve("site"), false);
        }
        new DiagnosticPrinter(options.source(), colour).print(result.diagnostics(), err);
        return result;
    }

    private static SiteBuilder siteBuilder(BuildProgress progress) {
        return new SiteBuilder().onStage(progress::stage);
    }

    private Visibility visibility(Options options) {
        return new Visibility(options.drafts(), options.future(), clock.instant());
    }

    private void printProfile(BuildProfile profile) {
        out.println("Stages:");
        profile.stages().forEach(t -> out.printf(Locale.ROOT, "  %-14s %8.0f ms%n", t.name(), t.millis()));
        out.println("Slowest templates (all their pages):");
        profile.slowestTemplates().forEach(t -> out.printf(Locale.ROOT, "  %-40s %8.1f ms%n", t.name(), t.millis()));
        out.println("Slowest pages:");
        profile.slowestPages().forEach(t -> out.printf(Locale.ROOT, "  %-60s %8.1f ms%n", t.name(), t.millis()));
        out.printf(Locale.ROOT, "Resized images: %d made, %d reused%n", profile.imagesResized(), profile.imagesReused());
        var images = profile.images();
        out.printf(Locale.ROOT, "WebP copies: %d made, %d reused%n", images.webpMade(), images.webpReused());
        out.printf(Locale.ROOT, "Images read and hashed: %d; decoded: %d", images.hashed(), images.decoded());
        if (images.decoded() > 0) {
            double megapixels = images.decodedPixels() / 1e6;
            out.printf(Locale.ROOT, " (%.1f megapixels in %.2f s of CPU, %.1f megapixels a second a core;"
                    + " resizing and encoding %.2f s of CPU)", megapixels, images.decodeNanos() / 1e9,
                    megapixels / Math.max(images.decodeNanos() / 1e9, 1e-9), images.resizeNanos() / 1e9);
        }
        out.println();
    }

    private boolean hasContent(Path root) {
        if (Files.isDirectory(root.resolve("content"))) {
            return true;
        }
        err.println("kiln: " + root.resolve("content") + " does not exist");
        err.println("hint: run kiln in a folder with content/ (posts go in content/posts/) or pass --source DIR;"
                + " to start a new site there: kiln new site " + newSiteFolder(root));
        return false;
    }

    /** The folder {@code kiln new site} would accept in place of {@code root}: root itself if missing or empty. */
    private static String newSiteFolder(Path root) {
        String shown = root.normalize().toString().replace('\\', '/');
        boolean usable = !Files.exists(root);
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                usable = entries.findAny().isEmpty();
            } catch (IOException e) {
                usable = false;
            }
        }
        return usable && !shown.isEmpty() ? (shown.contains(" ") ? "\"" + shown + "\"" : shown) : "my-blog";
    }

    private int internalError(Exception e, Options options, String consequence) {
        err.println("kiln: internal error: " + e);
        if (options.verbose()) {
            e.printStackTrace(err);
        } else {
            err.println("hint: run again with --verbose for details; " + consequence);
        }
        return SITE_ERRORS;
    }

    /** Serves until stopped: Ctrl-C, kill (the shutdown hook) or, in tests, an interrupt of this thread. */
    private int serve(Options options) {
        Path root = options.source();
        if (!hasContent(root)) {
            return USAGE;
        }
        PreviewServer server;
        try {
            server = PreviewServer.start(new PreviewSettings(root, options.host(), options.port(), options.checkLinks()), out, err, clock);
        } catch (PortInUseException e) {
            err.println("kiln: " + e.getMessage());
            err.println("hint: stop the program using it, or choose another port with --port N (--port 0 picks a free one)");
            return SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not start the preview: " + e);
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            return SITE_ERRORS;
        }
        // Ready for Ctrl-C before saying so.
        Thread stop = new Thread(server::close, "kiln-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Runnable restoreCtrlC = CtrlC.stops(server::close);
        try {
            out.println("Serving " + server.address() + " (drafts and future posts included); watching content/ and templates/");
            if (server.reachableFromNetwork()) {
                err.println("warning: --host " + options.host() + " makes the preview reachable from other computers: anyone on"
                        + " your network can read your drafts and future posts; leave --host out to serve this computer only");
            }
            out.println("Press Ctrl-C to stop.");
            if (options.open()) {
                BrowserOpener.open(server.address(), err);
            }
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            restoreCtrlC.run();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // kill (SIGTERM): the hook is what stopped us
            }
        }
        out.println("Stopped.");
        return OK;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String display(Path root, Path output) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteOutput = output.toAbsolutePath().normalize();
        String shown = absoluteOutput.startsWith(absoluteRoot) ? absoluteRoot.relativize(absoluteOutput).toString() : absoluteOutput.toString();
        return shown.replace('\\', '/') + "/";
    }
}
