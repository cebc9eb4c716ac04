package dev.kiln.liquid;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.frontmatter.YamlParser;
import dev.kiln.source.TextFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code site.data}: the files of {@code content/_data/} as Jekyll reads {@code _data/}, each under its
 * name without extension ({@code _data/team/people.yml} is {@code site.data.team.people}): YAML and
 * JSON as their values, CSV and TSV as a list of rows keyed by the header row.
 */
public final class SiteData {
    public static final Path FOLDER = Path.of("content", "_data");

    private SiteData() {}

    public static Map<String, Object> read(List<TextFile> files, Diagnostics diagnostics) {
        Map<String, Object> data = new LinkedHashMap<>();
        YamlParser yaml = new YamlParser();
        for (TextFile file : files) {
            Path inData = FOLDER.relativize(file.relativePath());
            String name = inData.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            Object value = switch (extension) {
                case "yml", "yaml", "json" -> yaml.parseData(file.relativePath(), file.text(), diagnostics).orElse(null);
                case "csv" -> table(file.text(), ',');
                case "tsv" -> table(file.text(), '\t');
                default -> {
                    diagnostics.error(SourcePosition.startOf(file.relativePath()), "data file " + name + " is not YAML, JSON, CSV or TSV",
                            "content/_data/ holds .yml, .yaml, .json, .csv and .tsv files; move other files elsewhere in content/");
                    yield null;
                }
            };
            if (value == null) {
                continue;
            }
            Map<String, Object> folder = data;
            for (int i = 0; i < inData.getNameCount() - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = (Map<String, Object>) folder.compute(inData.getName(i).toString(),
                        (k, v) -> v instanceof Map<?, ?> ? v : new LinkedHashMap<String, Object>());
                folder = sub;
            }
            folder.put(dot < 0 ? name : name.substring(0, dot), value);
        }
        return data;
    }

    /** A CSV (or TSV) table as rows keyed by its first row, as Ruby's CSV with headers reads it. */
    static List<Object> table(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        List<Object> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), i < r.size() ? r.get(i) : null);
            }
            out.add(record);
        }
        return out;
    }
}
