package dev.kiln.preview;

import dev.kiln.text.HtmlText;
import dev.kiln.diag.Diagnostic;
import java.util.List;

/**
 * The box a browser shows over the page while the site has errors: every diagnostic's
 * {@code path:line:col} and message, HTML-escaped. Styled inline so it looks the same on any theme.
 */
final class ErrorOverlay {
    static final String ELEMENT_ID = "kiln-errors";

    private ErrorOverlay() {}

    /** The overlay element, on one line (it travels in a Server-Sent Event too), or "" without errors. */
    static String html(List<Diagnostic> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        html.append("<div id=\"").append(ELEMENT_ID).append("\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;")
                .append("max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;box-sizing:border-box;")
                .append("background:#1e1e1e;color:#f0f0f0;border-top:4px solid #e5484d;text-align:left;")
                .append("font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\">")
                .append("<button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"Hide\" style=\"float:right;")
                .append("font:inherit;background:none;color:inherit;border:1px solid #777;border-radius:4px;cursor:pointer\">×</button>")
                .append("<p style=\"margin:0 0 .5rem;font-weight:bold;color:#ff8589\">")
                .append(errors.size() == 1 ? "1 error" : errors.size() + " errors")
                .append(": showing the last version that built. Fix and save: this page updates.</p>")
                .append("<ul style=\"margin:0;padding:0;list-style:none\">");
        for (Diagnostic d : errors) {
            html.append("<li style=\"margin:.25rem 0;white-space:pre-wrap\"><strong>").append(escape(Diagnostic.visible(d.position().toString())))
                    .append("</strong>: ").append(escape(Diagnostic.visible(d.message())));
            if (d.hint() != null) {
                html.append(" <span style=\"color:#aaa\">(hint: ").append(escape(Diagnostic.visible(d.hint()))).append(")</span>");
            }
            html.append("</li>");
        }
        return html.append("</ul></div>").toString();
    }

    static String escape(String text) {
        return HtmlText.escape(text.replace("\r", "")).replace("\n", "&#10;");
    }
}
