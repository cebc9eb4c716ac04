package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Inline math, {@code $$…$$} in a paragraph: the TeX between the markers, untouched; or display math, when the formula
 * is a block of its own where the preprocessor does not look (a list item's whole text), as kramdown reads it.
 */
final class MathSpan extends Node implements DoNotDecorate {
    private final BasedSequence tex;
    private final boolean display;

    MathSpan(BasedSequence chars, BasedSequence tex) {
        this(chars, tex, false);
    }

    MathSpan(BasedSequence chars, BasedSequence tex, boolean display) {
        super(chars);
        this.tex = tex;
        this.display = display;
    }

    /** The same formula as display math, {@code \[…\]}. */
    MathSpan asDisplay() {
        return new MathSpan(getChars(), tex, true);
    }

    boolean display() {
        return display;
    }

    /** The TeX as kramdown keeps it: stripped of the spaces around it, backslashes as written. */
    String tex() {
        return tex.toString().strip();
    }

    /** TeX as kramdown writes it into HTML: {@code & < >} escaped, nothing else touched. */
    static String escape(String tex) {
        return tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {tex};
    }
}
