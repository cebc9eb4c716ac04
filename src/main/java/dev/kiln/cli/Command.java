package dev.kiln.cli;

import java.util.List;

/** One command of kiln ({@code build}, {@code new}, ...). */
interface Command {
    /**
     * Does what the arguments after the command's name ask, and returns the exit code. Bad usage throws
     * {@link UsageException} before anything is done.
     */
    int run(List<String> args);
}
