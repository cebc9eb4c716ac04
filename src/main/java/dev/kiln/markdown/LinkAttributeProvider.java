package dev.kiln.markdown;

import com.vladsch.flexmark.ext.attributes.internal.AttributesAttributeProvider;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Final touches on attributes set by inline attribute lists: {@code rel="noopener"} on every
 * {@code target="_blank"}, no leftover kramdown syntax, table alignment as CSS, and in safe mode no
 * script-carrying attributes.
 */
final class LinkAttributeProvider implements AttributeProvider {

    private final boolean safeMode;

    LinkAttributeProvider(boolean safeMode) {
        this.safeMode = safeMode;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
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
        if (safeMode) {
            for (Attribute attribute : new ArrayList<>(attributes.values())) {
                if (isUnsafe(attribute)) {
                    attributes.remove(attribute.getName());
                }
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

    private static boolean isUnsafe(Attribute attribute) {
        String name = attribute.getName().toLowerCase(Locale.ROOT);
        // Browsers ignore tabs, newlines and other controls inside a URL: "java\tscript:" runs too.
        String value = attribute.getValue().replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        boolean url = name.equals("href") || name.equals("src") || name.endsWith("action");
        return name.startsWith("on") || name.equals("style") || name.equals("srcdoc")
                || (url && (value.startsWith("javascript:") || value.startsWith("vbscript:")))
                || (name.equals("href") && value.startsWith("data:"));
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
