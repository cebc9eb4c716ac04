package dev.kiln.cli;

import java.nio.file.Path;
import java.util.List;

/** Parsed command-line options shared by the commands. */
record Options(Path source, Path output, boolean drafts, boolean future, boolean checkLinks, boolean verbose, boolean help,
               String host, int port, boolean open, boolean profile) {

    static Options parse(List<String> args) {
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
                case "--host" -> host = value(args, ++i, arg);
                case "--port", "-p" -> port = port(value(args, ++i, arg));
                case "--open" -> open = true;
                case "--profile" -> profile = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new Options(source, output, drafts, future, checkLinks, verbose, help, host, port, open, profile);
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
