package dev.kiln.output;

import java.util.List;

/**
 * Kiln could not write the site. {@link #siteUnchanged()} says truthfully what is on disk: true when the
 * output folder holds exactly what it held before the build, false when it could not be put back.
 */
public final class OutputException extends Exception {
    private final List<OutputProblem> problems;
    private final boolean siteUnchanged;

    OutputException(List<OutputProblem> problems, boolean siteUnchanged) {
        super(problems.get(0).path() + ": " + problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
        this.siteUnchanged = siteUnchanged;
    }

    OutputException(OutputProblem problem, boolean siteUnchanged) {
        this(List.of(problem), siteUnchanged);
    }

    public List<OutputProblem> problems() {
        return problems;
    }

    public boolean siteUnchanged() {
        return siteUnchanged;
    }
}
