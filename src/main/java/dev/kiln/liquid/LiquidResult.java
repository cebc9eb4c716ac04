package dev.kiln.liquid;

import dev.kiln.diag.Diagnostic;
import dev.kiln.text.EditedText;
import java.util.List;

/**
 * A body with its Liquid expanded.
 *
 * @param text the Markdown to render, mapping each of its positions back to the body
 * @param diagnostics the errors found, at their positions in the file (or in an included file)
 * @param lookups what was asked of the rest of the site, with the answers: equal answers, equal result
 */
public record LiquidResult(EditedText text, List<Diagnostic> diagnostics, List<SiteLookup.Lookup> lookups) {
    public LiquidResult {
        diagnostics = List.copyOf(diagnostics);
        lookups = List.copyOf(lookups);
    }
}
