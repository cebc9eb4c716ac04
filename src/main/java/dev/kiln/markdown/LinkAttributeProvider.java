package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.attributes.internal.AttributesAttributeProvider;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Final touches on attributes set by inline attribute lists: {@code rel="noopener"} on every
 * {@code target="_blank"} (and, through {@link #withNoopener}, on raw-HTML links), no leftover kramdown
 * syntax, a code block's list on the block and not its {@code <code>}, table alignment as CSS, and in
 * safe mode no script-carrying attributes.
 */
final class LinkAttributeProvider implements AttributeProvider {

    private final boolean safeMode;

    LinkAttributeProvider(boolean safeMode) {
        this.safeMode = safeMode;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if ((node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) && part == CoreNodeRenderer.CODE_CONTENT) {
            onlyLanguage(attributes);
            return;
        }
        if (node instanceof com.vladsch.flexmark.ext.abbreviation.Abbreviation) {
            Attribute title = attributes.get("title");
            if (title != null && title.getValue().equals(KramdownPreprocessor.NO_TITLE)) {
                attributes.remove("title");
            }
        }
        backslashesAsWritten(node, attributes);
        altAsWritten(node, attributes);
        Attribute align = attributes.get("align");
        if (align != null && node instanceof com.vladsch.flexmark.ext.tables.TableCell) {
            // align is obsolete in HTML5 (the Nu checker rejects it); CSS says the same thing.
            attributes.remove("align");
            attributes.addValue("style", "text-align: " + align.getValue());
        }
        for (Attribute attribute : new ArrayList<>(attributes.values())) {
            String name = attribute.getName();
            if (name.equals("toc")) {
                // Only marks kramdown's table of contents, handled in the tree.
                attributes.remove(name);
            } else if (name.startsWith(":")) {
                // Kramdown syntax flexmark's own attribute parser kept as a name; a fallback.
                attributes.remove(name);
                String stripped = name.substring(1);
                if (stripped.startsWith(".") && stripped.length() > 1) {
                    attributes.addValue("class", stripped.substring(1));
                } else if (stripped.startsWith("#") && stripped.length() > 1) {
                    attributes.replaceValue("id", stripped.substring(1));
                } else if (!stripped.isEmpty()) {
                    attributes.replaceValue(stripped, attribute.getValue());
                }
            }
        }
        for (Attribute attribute : new ArrayList<>(attributes.values())) {
            // Script URLs never stay live; in safe mode, nothing else that carries script either.
            if (safeMode ? isUnsafe(attribute) : isScriptUrl(attribute)) {
                attributes.remove(attribute.getName());
            }
        }
        Attribute target = attributes.get("target");
        if (target != null && target.getValue().equals("_blank")) {
            Attribute rel = attributes.get("rel");
            if (rel == null) {
                attributes.addValue("rel", "noopener");
            } else if (!List.of(rel.getValue().split("\\s+")).contains("noopener")) {
                attributes.replaceValue("rel", rel.getValue() + " noopener");
            }
        }
    }

    /**
     * A link's or image's URL with its backslashes as written: kramdown reads no escapes in a URL (Typora on Windows
     * writes {@code ..\..\images\x.png}, which browsers take as {@code ../../images/x.png}), where CommonMark
     * drops the backslash before punctuation. Entities are still decoded, as flexmark decodes them. A URL another
     * stage already changed (a link to a post's source) is left as it is.
     */
    private static void backslashesAsWritten(Node node, MutableAttributes attributes) {
        String name = node instanceof Image || node instanceof ImageRef ? "src" : "href";
        Attribute url = attributes.get(name);
        String written = url == null ? null : writtenUrl(node);
        if (written != null && written.indexOf('\\') >= 0 && url.getValue().equals(Escaping.unescapeString(written))) {
            attributes.replaceValue(name, Escaping.unescapeString(written.replace("\\", "\\\\")));
        }
    }

    /**
     * An image's alt text as kramdown writes it: the text between its brackets as written, backslash escapes removed, never
     * read as Markdown ({@code ![starts with "quoted" word](x.png)} keeps its quotes, which flexmark's text of the smart
     * quotes node dropped; {@code *em*} stays as written). Text holding a placeholder of Kiln's (raw HTML, math) keeps
     * flexmark's.
     */
    private static void altAsWritten(Node node, MutableAttributes attributes) {
        if (attributes.get("alt") == null || !(node instanceof Image || node instanceof ImageRef)) {
            return;
        }
        ImageRef ref = node instanceof ImageRef r ? r : null; // ![imgo] alone: its reference is its text
        String written = (ref == null ? ((Image) node).getText() : ref.isReferenceTextCombined() ? ref.getReference() : ref.getText())
                .toString();
        if (written.indexOf('<') < 0 && !written.contains("$$")) {
            attributes.replaceValue("alt", Escaping.unescapeString(written).replace('\n', ' '));
        }
    }

    /** The URL of a link or image as its source has it (a reference's from its definition), or null for other nodes. */
    private static String writtenUrl(Node node) {
        if (node instanceof LinkNodeBase link && !(node instanceof RefNode)) {
            return link.getUrl().toString();
        }
        if (node instanceof RefNode ref) {
            Reference definition = ref.getReferenceNode(node.getDocument());
            return definition == null ? null : definition.getUrl().toString();
        }
        return null;
    }

    private static final java.util.regex.Pattern ANCHOR_TAG = java.util.regex.Pattern.compile(
            "<a\\s[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern BLANK_TARGET = java.util.regex.Pattern.compile(
            "\\starget\\s*=\\s*([\"']?)_blank\\1", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern REL = java.util.regex.Pattern.compile(
            "\\srel\\s*=\\s*([\"'])(.*?)\\1", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Raw HTML with {@code rel="noopener"} on each {@code <a target="_blank">}, as on Markdown links. */
    static String withNoopener(String html) {
        if (!html.contains("_blank")) {
            return html;
        }
        return ANCHOR_TAG.matcher(html).replaceAll(tag -> {
            String a = tag.group();
            if (!BLANK_TARGET.matcher(a).find()) {
                return java.util.regex.Matcher.quoteReplacement(a);
            }
            java.util.regex.Matcher rel = REL.matcher(a);
            if (!rel.find()) {
                int end = a.endsWith("/>") ? a.length() - 2 : a.length() - 1;
                return java.util.regex.Matcher.quoteReplacement(a.substring(0, end) + " rel=\"noopener\"" + a.substring(end));
            }
            if (List.of(rel.group(2).toLowerCase(Locale.ROOT).split("\\s+")).contains("noopener")) {
                return java.util.regex.Matcher.quoteReplacement(a);
            }
            return java.util.regex.Matcher.quoteReplacement(a.substring(0, rel.start(2)) + rel.group(2) + " noopener" + a.substring(rel.end(2)));
        });
    }

    private static boolean isUnsafe(Attribute attribute) {
        String name = attribute.getName().toLowerCase(Locale.ROOT);
        return name.startsWith("on") || name.equals("style") || name.equals("srcdoc") || isScriptUrl(attribute)
                || (name.equals("href") && normalizedUrl(attribute).startsWith("data:"));
    }

    /**
     * A link or source whose URL runs script: {@code javascript:} or {@code vbscript:} in any case. The
     * value is the URL as the browser gets it (entities such as {@code &#106;} already decoded).
     */
    private static boolean isScriptUrl(Attribute attribute) {
        String name = attribute.getName().toLowerCase(Locale.ROOT);
        if (!(name.equals("href") || name.equals("src") || name.endsWith("action") || name.equals("formaction"))) {
            return false;
        }
        String value = normalizedUrl(attribute);
        return value.startsWith("javascript:") || value.startsWith("vbscript:");
    }

    /** Browsers ignore tabs, newlines and other controls inside a URL: "java\tscript:" runs too. */
    private static String normalizedUrl(Attribute attribute) {
        String value = attribute.getValue();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f) { // rare: most URLs go without the regex
                return CONTROLS.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\x00-\\x20\\x7f]");

    /** kramdown puts a code block's attribute list on the block only (an id twice is invalid HTML): its {@code <code>} keeps the language. */
    private static void onlyLanguage(MutableAttributes attributes) {
        Attribute classes = attributes.get("class");
        attributes.clear();
        if (classes != null) {
            String language = java.util.Arrays.stream(classes.getValue().split("\\s+"))
                    .filter(c -> c.startsWith("language-") || c.equals("linenos")).collect(java.util.stream.Collectors.joining(" "));
            if (!language.isEmpty()) {
                attributes.addValue("class", language);
            }
        }
    }

    static final class Factory extends IndependentAttributeProviderFactory {
        private final boolean safeMode;

        Factory(boolean safeMode) {
            this.safeMode = safeMode;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(AttributesAttributeProvider.Factory.class);
        }

        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new LinkAttributeProvider(safeMode);
        }
    }
}
