package dev.kiln.output;

import java.util.List;

/** A site written in full; {@code warnings} name files of an earlier build that could not be removed. */
public record WriteReport(List<OutputProblem> warnings) {
    public WriteReport {
        warnings = List.copyOf(warnings);
    }
}
