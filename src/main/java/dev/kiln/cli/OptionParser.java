package dev.kiln.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one reader of command-line arguments. Each command declares its options and how many other
 * arguments it takes, and gets {@link Arguments}, or a {@link UsageException} that says what is wrong:
 * an unknown option (with the closest declared one: a typo never passes unnoticed), a missing value,
 * one argument too many. A value follows its option ({@code --port 4000}) or an equals sign
 * ({@code --port=4000}); a value after a space cannot start with "--", so a forgotten value is never
 * taken from the next option. Given twice, an option's last value counts.
 */
final class OptionParser {
    private final List<Option> options;
    private final int positionals;
    private final String tooMany;
    private final Function<String, String> refusal;

    private OptionParser(List<Option> options, int positionals, String tooMany, Function<String, String> refusal) {
        this.options = options;
        this.positionals = positionals;
        this.tooMany = tooMany;
        this.refusal = refusal;
    }

    /** These options and no other argument. */
    static OptionParser of(Option... options) {
        return new OptionParser(List.of(options), 0, null, arg -> null);
    }

    /** Also takes up to {@code max} arguments that are not options; one more is refused with {@code tooManyMessage}. */
    OptionParser positionals(int max, String tooManyMessage) {
        return new OptionParser(options, max, tooManyMessage, refusal);
    }

    /**
     * Words the refusal of an argument the command does not take (an unknown option, or an extra argument
     * when no message for that is given); where it returns null, the refusal is "unknown option" with the
     * closest declared option.
     */
    OptionParser refusing(Function<String, String> words) {
        return new OptionParser(options, positionals, tooMany, words);
    }

    /** Whether {@code --help} or {@code -h} is among the arguments: where a command's help comes before any other complaint. */
    static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** The long names of the declared options. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        options.forEach(option -> names.add(option.name()));
        return names;
    }

    Arguments parse(List<String> args) {
        Set<String> flags = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                if (rest.size() == positionals) {
                    throw new UsageException(tooMany != null ? tooMany : refused(arg));
                }
                rest.add(arg);
                continue;
            }
            Option option = declared(arg);
            int equals = arg.indexOf('=');
            if (option == null && arg.startsWith("--") && equals > 2) {
                Option named = declared(arg.substring(0, equals));
                if (named != null && named.valued()) {
                    String value = arg.substring(equals + 1);
                    values.put(named.name(), valueOf(named, value.isEmpty() ? null : value));
                    continue;
                }
            }
            if (option == null) {
                throw new UsageException(refused(arg));
            }
            if (option.valued()) {
                values.put(option.name(), valueOf(option, i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : null));
            } else {
                flags.add(option.name());
            }
        }
        return new Arguments(Set.copyOf(flags), Map.copyOf(values), List.copyOf(rest));
    }

    private Option declared(String typed) {
        return options.stream().filter(option -> option.isCalled(typed)).findFirst().orElse(null);
    }

    /** The value given, or null for none: after a space an empty value counts ({@code --source ""}), after "=" it does not. */
    private static String valueOf(Option option, String value) {
        if (value == null) {
            throw new UsageException(option.name() + " needs a value");
        }
        String problem = option.problem().apply(value);
        if (problem != null) {
            throw new UsageException(problem);
        }
        return value;
    }

    private String refused(String arg) {
        String words = refusal.apply(arg);
        if (words != null) {
            return words;
        }
        String close = Suggestions.closest(arg, names());
        return "unknown option '" + arg + "'" + (close == null ? "" : "; did you mean " + close + "?");
    }
}
