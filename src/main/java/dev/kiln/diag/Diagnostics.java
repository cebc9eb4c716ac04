package dev.kiln.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one build; a stage reports into it and carries on, so all errors show at once. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void error(SourcePosition position, String message, String hint) {
        add(Diagnostic.error(position, message, hint));
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Sorted by file, line and column so the report is the same whatever order stages ran in. */
    public synchronized List<Diagnostic> sorted() {
        return items.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.position().file().toString().replace('\\', '/'))
                        .thenComparingInt(d -> d.position().line())
                        .thenComparingInt(d -> d.position().column())
                        .thenComparing(Diagnostic::message))
                .distinct()
                .toList();
    }
}
