package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Inline math, {@code $$…$$} in a paragraph: the TeX between the markers, untouched. */
final class MathSpan extends Node implements DoNotDecorate {
    private final BasedSequence tex;

    MathSpan(BasedSequence chars, BasedSequence tex) {
        super(chars);
        this.tex = tex;
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
