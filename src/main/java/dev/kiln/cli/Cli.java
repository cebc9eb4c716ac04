package dev.kiln.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Kiln's command line: hands each command ({@link BuildCommand}, {@link CheckCommand}, {@link ServeCommand},
 * {@link NewCommand}, {@link ImportCommand}) its arguments, prints bad usage the same way for all, and
 * returns exit codes instead of exiting. The cli package is the only code that prints.
 */
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

    private final Console console;
    private final Clock clock;
    /** Hears each stage of a build or check as it starts; a test makes one throw there. */
    private final Consumer<String> onStage;

    public Cli(PrintStream out, PrintStream err, Clock clock) {
        this(out, err, clock, false, false);
    }

    /**
     * @param terminal whether err is a terminal: progress is shown only there, never in pipes, logs or CI
     * @param colour whether errors may be coloured: on a terminal, unless NO_COLOR is set
     */
    public Cli(PrintStream out, PrintStream err, Clock clock, boolean terminal, boolean colour) {
        this(new Console(out, err, terminal, colour), clock, stage -> { });
    }

    Cli(Console console, Clock clock, Consumer<String> onStage) {
        this.console = console;
        this.clock = clock;
        this.onStage = onStage;
    }

    public int run(String... args) {
        if (args.length == 2 && args[0].equals("help") && !args[1].startsWith("-")) {
            // kiln help build is kiln build --help, as git and cargo have it
            return args[1].equals("help") ? run("help") : run(args[1], "--help");
        }
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            (args.length == 0 ? console.err() : console.out()).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String name = args[0];
        if (List.of("version", "--version", "-V").contains(name)) {
            // Not "kiln " + version(): the first string concatenation spins up java.lang.invoke (150 classes).
            console.out().print("kiln ");
            console.out().println(version());
            return OK;
        }
        Map<String, Command> commands = Map.of("build", new BuildCommand(console, clock, onStage),
                "check", new CheckCommand(console, clock, onStage), "serve", new ServeCommand(console, clock),
                "new", new NewCommand(console, clock), "import", new ImportCommand(console));
        Command command = commands.get(name);
        if (command == null) {
            TreeSet<String> known = new TreeSet<>(commands.keySet());
            known.addAll(List.of("version", "help"));
            String close = Suggestions.closest(name, known);
            console.err().println("kiln: unknown command '" + name + "'" + (close == null ? "" : "; did you mean " + close + "?"));
            console.err().print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return command.run(List.of(args).subList(1, args.length));
        } catch (UsageException e) {
            console.err().println("kiln: " + e.getMessage());
            console.err().println("Run 'kiln " + name + " --help' for usage.");
            return USAGE;
        }
    }

    /** Colour only for a person at a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
    public static boolean colourFor(boolean terminal, Map<String, String> environment) {
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
}
