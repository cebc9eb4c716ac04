package dev.kiln.markdown;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import java.util.Set;
import java.util.function.Function;

/** An inline parser extension of ours, started at its trigger characters, independent of the others. */
record InlineExtensionFactory(String characters, Function<LightInlineParser, InlineParserExtension> extension)
        implements InlineParserExtensionFactory {

    @Override
    public CharSequence getCharacters() {
        return characters;
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
        return extension.apply(inlineParser);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
