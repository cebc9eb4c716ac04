package dev.kiln.cli;

import java.nio.file.Path;
import java.util.List;

/** Parsed command-line options shared by the commands. */
record Options(Path source, Path output, boolean drafts, boolean future, boolean checkLinks, boolean verbose, boolean help) {

    static Options parse(List<String> args) {
        Path source = Path.of(".");
        Path output = null;
        boolean drafts = false;
        boolean future = false;
        boolean checkLinks = true;
        boolean verbose = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--source", "-s" -> source = Path.of(value(args, ++i, arg));
                case "--output", "-o" -> output = Path.of(value(args, ++i, arg));
                case "--drafts" -> drafts = true;
                case "--future" -> future = true;
                case "--no-check-links" -> checkLinks = false;
                case "--verbose", "-v" -> verbose = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new Options(source, output, drafts, future, checkLinks, verbose, help);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
