package dev.kiln.frontmatter;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML turns some date forms into java.util.Date in UTC and leaves others as strings, which
 * shifts dates by a day. Dates stay strings here and are parsed with java.time by the model.
 */
final class NoTimestampResolver extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
        if (!Tag.TIMESTAMP.equals(tag)) {
            super.addImplicitResolver(tag, regexp, first, limit);
        }
    }
}
