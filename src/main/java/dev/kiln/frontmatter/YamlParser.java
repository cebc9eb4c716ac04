package dev.kiln.frontmatter;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.representer.Representer;

/** Parses one YAML mapping (front matter or site.yml) safely; the only SnakeYAML user with FrontMatterParser. */
public final class YamlParser {
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    /**
     * Parses {@code yaml}, whose first line is line {@code firstLine} of {@code file}. Returns empty
     * after reporting into {@code diagnostics} when the text is not a valid YAML mapping.
     */
    public Optional<YamlDocument> parse(Path file, String yaml, int firstLine, Diagnostics diagnostics) {
        if (yaml.isBlank()) {
            return Optional.of(YamlDocument.empty(file));
        }
        Yaml loader = newYaml();
        try {
            Node root = loader.compose(new java.io.StringReader(yaml));
            Object value = newYaml().load(yaml);
            if (root == null || value == null) {
                return Optional.of(YamlDocument.empty(file));
            }
            if (!(root instanceof MappingNode mapping) || !(value instanceof Map<?, ?> map)) {
                diagnostics.error(position(file, firstLine, root.getStartMark()),
                        "expected key: value pairs, found " + describe(value),
                        "write each setting on its own line as `key: value`");
                return Optional.empty();
            }
            Map<String, SourcePosition> positions = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    positions.put(key.getValue(), position(file, firstLine, tuple.getValueNode().getStartMark()));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
            return Optional.of(new YamlDocument(file, values, positions));
        } catch (DuplicateKeyException e) {
            diagnostics.error(position(file, firstLine, e.getProblemMark()),
                    "duplicate key " + duplicateKeyName(e),
                    "keep one of them; YAML keeps only the last and the other is lost");
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.error(position(file, firstLine, mark), "invalid YAML: " + problem(e), hint(e));
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) come without a mark: point at the first line of the YAML.
            diagnostics.error(new SourcePosition(file, firstLine, 1), "invalid YAML: " + e.getMessage(),
                    "simplify it: anchors/aliases and nesting are limited to keep builds safe");
        } catch (StackOverflowError e) {
            diagnostics.error(new SourcePosition(file, firstLine, 1), "invalid YAML: nested too deeply",
                    "flatten the structure");
        }
        return Optional.empty();
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestampResolver());
    }

    private static SourcePosition position(Path file, int firstLine, Mark mark) {
        if (mark == null) {
            return new SourcePosition(file, firstLine, 1);
        }
        return new SourcePosition(file, firstLine + mark.getLine(), mark.getColumn() + 1);
    }

    private static String describe(Object value) {
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        return "a single value '" + value + "'";
    }

    private static String duplicateKeyName(DuplicateKeyException e) {
        String problem = e.getProblem();
        int quote = problem.indexOf(' ', problem.indexOf("key") + 1);
        return quote < 0 ? "" : problem.substring(problem.indexOf("key") + 4).trim();
    }

    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        problem = problem.replaceAll("\\s+", " ").trim();
        if (e.getContext() != null && !problem.contains(e.getContext())) {
            problem = problem + " (" + e.getContext().replaceAll("\\s+", " ").trim() + ")";
        }
        return problem;
    }

    private static String hint(MarkedYAMLException e) {
        String text = (e.getContext() + " " + e.getProblem()).toLowerCase(java.util.Locale.ROOT);
        if (text.contains("flow sequence")) {
            return "close the [ list with ]";
        }
        if (text.contains("flow mapping")) {
            return "close the { map with }";
        }
        if (text.contains("quoted scalar")) {
            return "close the quoted string with the same quote it starts with";
        }
        if (text.contains("mapping values are not allowed")) {
            return "quote values that contain ': ', e.g. title: \"Java: the good parts\"";
        }
        if (text.contains("tab")) {
            return "indent with spaces, not tabs";
        }
        if (text.contains("alias")) {
            return "define the &anchor before using *alias, or quote a value that starts with *";
        }
        return "check the YAML syntax at this position; quote values with special characters";
    }
}
