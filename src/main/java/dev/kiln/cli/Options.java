package dev.kiln.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parsed command-line options shared by the commands. */
record Options(Path source, Path output, boolean drafts, boolean future, boolean checkLinks, boolean verbose, boolean help,
               String host, int port, boolean open, boolean profile, boolean quiet, boolean noWait) {

    /** The options each command takes; any other is a usage error, so a typo never passes unnoticed. */
    static final Map<String, Set<String>> OF_COMMAND = Map.of(
            "build", Set.of("--source", "--output", "--drafts", "--future", "--no-check-links", "--profile", "--quiet",
                    "--no-wait", "--verbose", "--help"),
            "check", Set.of("--source", "--drafts", "--future", "--no-check-links", "--quiet", "--verbose", "--help"),
            "serve", Set.of("--source", "--port", "--host", "--open", "--no-check-links", "--verbose", "--help"));
    private static final Map<String, String> SHORT = Map.of("-s", "--source", "-o", "--output", "-v", "--verbose",
            "-h", "--help", "-p", "--port", "-q", "--quiet");

    static Options parse(String command, List<String> args) {
        Set<String> allowed = OF_COMMAND.get(command);
        Path source = Path.of(".");
        Path output = null;
        boolean drafts = false;
        boolean future = false;
        boolean checkLinks = true;
        boolean verbose = false;
        boolean help = false;
        String host = "127.0.0.1";
        int port = 4000;
        boolean open = false;
        boolean profile = false;
        boolean quiet = false;
        boolean noWait = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = SHORT.getOrDefault(args.get(i), args.get(i));
            if (!allowed.contains(arg)) {
                throw new IllegalArgumentException(problem(command, args.get(i), allowed));
            }
            switch (arg) {
                case "--source" -> source = Path.of(value(args, ++i, arg));
                case "--output" -> output = Path.of(value(args, ++i, arg));
                case "--drafts" -> drafts = true;
                case "--future" -> future = true;
                case "--no-check-links" -> checkLinks = false;
                case "--verbose" -> verbose = true;
                case "--help" -> help = true;
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg));
                case "--open" -> open = true;
                case "--profile" -> profile = true;
                case "--quiet" -> quiet = true;
                case "--no-wait" -> noWait = true;
                default -> throw new IllegalStateException("option without a meaning: " + arg);
            }
        }
        return new Options(source, output, drafts, future, checkLinks, verbose, help, host, port, open, profile, quiet, noWait);
    }

    /** Why an argument is refused: an option of another command, or a typo with the closest option. */
    private static String problem(String command, String arg, Set<String> allowed) {
        Set<String> everything = new TreeSet<>();
        OF_COMMAND.values().forEach(everything::addAll);
        if (command.equals("check") && arg.equals("--output")) {
            return "check writes nothing, so it takes no --output";
        }
        if (everything.contains(arg)) {
            return arg + " means nothing for 'kiln " + command + "'";
        }
        String close = Suggestions.closest(arg, new TreeSet<>(allowed));
        return "unknown option '" + arg + "'" + (close == null ? "" : "; did you mean " + close + "?");
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, not '" + text + "'");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
