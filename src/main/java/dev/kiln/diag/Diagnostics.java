package dev.kiln.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Sorted by file, line and column so the report is the same whatever order stages ran in; one error
     * reported by several users of a file (an include's, by each post that includes it) is one, with all its users.
     */
    public synchronized List<Diagnostic> sorted() {
        Map<Diagnostic, Set<SourcePosition>> merged = new LinkedHashMap<>();
        for (Diagnostic d : items) {
            merged.computeIfAbsent(new Diagnostic(d.severity(), d.position(), d.message(), d.hint()), k -> new TreeSet<>(ORDER))
                    .addAll(d.usedBy());
        }
        return merged.entrySet().stream()
                .map(e -> new Diagnostic(e.getKey().severity(), e.getKey().position(), e.getKey().message(), e.getKey().hint(),
                        List.copyOf(e.getValue())))
                .sorted(Comparator.comparing(Diagnostic::position, ORDER).thenComparing(Diagnostic::message))
                .toList();
    }

    private static final Comparator<SourcePosition> ORDER = Comparator
            .comparing((SourcePosition p) -> p.file().toString().replace('\\', '/'))
            .thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);
}
