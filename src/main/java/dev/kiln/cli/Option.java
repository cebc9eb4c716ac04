package dev.kiln.cli;

import java.util.function.Function;

/**
 * One option a command declares: a flag ({@code --drafts}) or an option with a value ({@code --port 4000}
 * or {@code --port=4000}), with at most one short alias ({@code -p}). {@code problem} says what is wrong
 * with a value, or null when nothing is; the parser asks it at once, so the first mistake on the command
 * line is the one reported.
 */
record Option(String name, String alias, boolean valued, Function<String, String> problem) {
    static Option flag(String name) {
        return flag(name, null);
    }

    static Option flag(String name, String alias) {
        return new Option(name, alias, false, value -> null);
    }

    static Option valued(String name) {
        return valued(name, null);
    }

    static Option valued(String name, String alias) {
        return new Option(name, alias, true, value -> null);
    }

    /** This option, whose values {@code check} words the problem of (null: none). */
    Option checking(Function<String, String> check) {
        return new Option(name, alias, valued, check);
    }

    boolean isCalled(String typed) {
        return typed.equals(name) || typed.equals(alias);
    }
}
