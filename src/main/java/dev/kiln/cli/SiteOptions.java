package dev.kiln.cli;

import dev.kiln.model.Visibility;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The options that build, check and serve share, and how one of them refuses an option of another. */
final class SiteOptions {
    static final Option SOURCE = Option.valued("--source", "-s");
    static final Option DRAFTS = Option.flag("--drafts");
    static final Option FUTURE = Option.flag("--future");
    static final Option NO_CHECK_LINKS = Option.flag("--no-check-links");
    static final Option QUIET = Option.flag("--quiet", "-q");
    static final Option VERBOSE = Option.flag("--verbose", "-v");
    static final Option HELP = Option.flag("--help", "-h");

    private SiteOptions() {}

    /** The options of {@code kiln <command>}; any other is a usage error, named as another command's if it is one. */
    static OptionParser of(String command, Option... options) {
        return OptionParser.of(options).refusing(arg -> refusal(command, arg));
    }

    private static String refusal(String command, String arg) {
        if (command.equals("check") && arg.equals("--output")) {
            return "check writes nothing, so it takes no --output";
        }
        Set<String> everything = new TreeSet<>();
        Stream.of(BuildCommand.OPTIONS, CheckCommand.OPTIONS, ServeCommand.OPTIONS).forEach(o -> everything.addAll(o.names()));
        return everything.contains(arg) ? arg + " means nothing for 'kiln " + command + "'" : null;
    }

    static Path source(Arguments arguments) {
        return arguments.path(SOURCE, Path.of("."));
    }

    /** Which posts the build publishes: drafts and future posts only when asked for. */
    static Visibility visibility(Arguments arguments, Clock clock) {
        return new Visibility(arguments.has(DRAFTS), arguments.has(FUTURE), clock.instant());
    }
}
