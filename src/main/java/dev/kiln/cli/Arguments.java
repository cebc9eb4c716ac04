package dev.kiln.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments as {@link OptionParser} read them: the flags given, each valued option's last value, the rest. */
record Arguments(Set<String> flags, Map<String, String> values, List<String> positionals) {
    boolean has(Option flag) {
        return flags.contains(flag.name());
    }

    /** The option's value, or {@code otherwise} when it was not given. */
    String value(Option option, String otherwise) {
        return values.getOrDefault(option.name(), otherwise);
    }

    /** The option's value as a path, or {@code otherwise} when it was not given. */
    Path path(Option option, Path otherwise) {
        String text = values.get(option.name());
        return text == null ? otherwise : path(text);
    }

    /** A path typed on the command line; one the file system cannot name is bad usage. */
    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
