package dev.kiln.output;

/**
 * Something wrong with a file: {@code path} is relative to the output folder ({@code ""} for the folder
 * itself) or, when {@code inSources}, to the site root; {@code message} says what, the optional
 * {@code hint} what to do.
 */
public record OutputProblem(String path, boolean inSources, String message, String hint) {
    static OutputProblem inOutput(String path, String message, String hint) {
        return new OutputProblem(path, false, message, hint);
    }

    static OutputProblem inSources(String path, String message, String hint) {
        return new OutputProblem(path, true, message, hint);
    }
}
