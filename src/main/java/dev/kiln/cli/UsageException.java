package dev.kiln.cli;

/**
 * A command was called wrongly: its message says how, and {@link Cli} prints it with where to read the
 * usage and exits with 2. Thrown only while a command reads its arguments, before it does anything.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
