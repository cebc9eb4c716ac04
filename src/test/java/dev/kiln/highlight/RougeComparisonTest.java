package dev.kiln.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kiln's highlighting against Rouge's (Jekyll's highlighter) on a realistic sample per language:
 * the share of the sample's visible characters that both put in the same class group, each of
 * Rouge's token classes mapped to the {@code hl-*} class Kiln gives the same kind of text. A language
 * Kiln colours much less than Rouge, or differently, falls under its floor. Rouge's tokens are
 * fixtures made by {@code src/test/scripts/rouge-tokens.rb}, so the test needs no Ruby.
 */
class RougeComparisonTest {

    private static final Path ROOT = Path.of("src/test/resources/highlight");

    /** The least agreement each language must keep, in percent (the manual, Code highlighting, has the figures). */
    private static final Map<String, Integer> FLOORS = Map.ofEntries(
            Map.entry("bash", 95), Map.entry("c", 95), Map.entry("console", 95), Map.entry("cpp", 95),
            Map.entry("csharp", 95), Map.entry("css", 95), Map.entry("dart", 95), Map.entry("diff", 95),
            Map.entry("dockerfile", 95), Map.entry("go", 95), Map.entry("graphql", 65), Map.entry("groovy", 95),
            Map.entry("haskell", 95), Map.entry("html", 95), Map.entry("ini", 95), Map.entry("java", 95),
            Map.entry("javascript", 95), Map.entry("json", 95), Map.entry("kotlin", 95), Map.entry("less", 64),
            Map.entry("liquid", 95), Map.entry("lua", 94), Map.entry("makefile", 93), Map.entry("markdown", 95),
            Map.entry("perl", 95), Map.entry("php", 95), Map.entry("properties", 95), Map.entry("python", 92),
            Map.entry("r", 95), Map.entry("ruby", 95), Map.entry("rust", 95), Map.entry("scala", 95),
            Map.entry("scheme", 91), Map.entry("scss", 95), Map.entry("sql", 95), Map.entry("swift", 95),
            Map.entry("toml", 91), Map.entry("typescript", 95), Map.entry("xml", 95), Map.entry("yaml", 95));

    private static final Pattern SPAN = Pattern.compile("<span class=\"([^\"]+)\">([^<]*)</span>|([^<]+)");
    /** Marks a character Rouge could not lex (its error token): left out of the comparison. */
    private static final String UNLEXED = "!";

    private final CodeHighlighter highlighter = new CodeHighlighter();

    @Test
    void agreesWithRougeOnEverySampleAtLeastAsMuchAsItsFloor() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(ROOT.resolve("samples"))) {
            samples = files.sorted().toList();
        }
        Map<String, Agreement> results = new TreeMap<>();
        for (Path sample : samples) {
            String language = sample.getFileName().toString().replaceFirst("\\..*", "");
            String code = Files.readString(sample);
            String[] rouge = rougeClasses(language, code);
            String[] kiln = kilnClasses(language, code);
            results.put(language, Agreement.of(code, rouge, kiln));
        }
        StringBuilder table = new StringBuilder("language    agree  Rouge-coloured  Kiln-coloured\n");
        List<String> failures = new ArrayList<>();
        results.forEach((language, agreement) -> {
            table.append(String.format(Locale.ROOT, "%-10s %5.1f%% %14.1f%% %13.1f%%%n", language,
                    agreement.percent(), agreement.rougeColoured(), agreement.kilnColoured()));
            Integer floor = FLOORS.get(language);
            if (floor == null) {
                failures.add(language + " has a sample but no floor");
            } else if (agreement.percent() < floor) {
                failures.add(String.format(Locale.ROOT, "%s agrees with Rouge on %.1f%%, under its floor of %d%%",
                        language, agreement.percent(), floor));
            }
        });
        System.out.print(table);
        assertEquals(FLOORS.keySet(), results.keySet(), "a sample per language with a floor");
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + table);
    }

    /** Per UTF-16 unit of the code: Kiln's class for Rouge's token there, "" for plain text. */
    private static String[] rougeClasses(String language, String code) throws IOException {
        String[] classes = new String[code.length()];
        int at = 0;
        for (String line : Files.readAllLines(ROOT.resolve("rouge").resolve(language + ".tokens"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            int length = Integer.parseInt(fields[1]);
            java.util.Arrays.fill(classes, at, at + length, kilnClassOf(fields[0]));
            at += length;
        }
        assertEquals(code.length(), at, language + ": the Rouge fixture does not match the sample; rerun rouge-tokens.rb");
        return classes;
    }

    /** Per UTF-16 unit of the code: the class of the span Kiln put it in, "" for none. */
    private String[] kilnClasses(String language, String code) {
        String html = highlighter.html(language, code, false);
        String[] classes = new String[code.length()];
        int at = 0;
        Matcher piece = SPAN.matcher(html);
        int end = 0;
        while (piece.lookingAt()) {
            String cssClass = piece.group(1) == null ? "" : piece.group(1);
            String text = unescape(piece.group(1) == null ? piece.group(3) : piece.group(2));
            java.util.Arrays.fill(classes, at, at + text.length(), cssClass);
            at += text.length();
            end = piece.end();
            piece.region(end, html.length());
        }
        assertEquals(html.length(), end, language + ": unexpected markup in " + html.substring(end, Math.min(html.length(), end + 80)));
        assertEquals(code, unescape(html.replaceAll("<[^>]*>", "")), language + ": the highlighted text differs from the code");
        return classes;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /**
     * The Kiln class for a Rouge short class (Pygments' token names): keywords, types, functions,
     * builtins, literals, numbers, strings, regexes, comments, meta (preprocessor, decorators, prompts),
     * variables, tags, attributes, punctuation (operators too), and diff's and Markdown's generic
     * tokens; names, other text and whitespace are plain.
     */
    static String kilnClassOf(String rouge) {
        return switch (rouge) {
            case "k", "kd", "kn", "kp", "kr", "kv", "ow" -> "hl-keyword";
            case "kt", "nc", "ne", "nn" -> "hl-type";
            case "nf", "fm" -> "hl-function";
            case "nb", "bp" -> "hl-builtin";
            case "kc", "no", "l", "ld", "ni", "ss" -> "hl-literal";
            case "sr" -> "hl-regex";
            case "cp", "nd", "gp" -> "hl-meta";
            case "cpf" -> "hl-string";
            case "nv", "vc", "vg", "vi", "vm" -> "hl-variable";
            case "nt" -> "hl-tag";
            case "na", "nl" -> "hl-attribute";
            case "o", "p", "pi" -> "hl-punctuation";
            case "gi" -> "hl-inserted";
            case "gd" -> "hl-deleted";
            case "gh", "gu" -> "hl-heading";
            case "ge" -> "hl-emphasis";
            case "gs" -> "hl-strong";
            case "err" -> UNLEXED;
            default -> rouge.startsWith("m") || rouge.equals("il") ? "hl-number"
                    : rouge.startsWith("s") || rouge.equals("dl") ? "hl-string"
                    : rouge.startsWith("c") ? "hl-comment"
                    : "";
        };
    }

    /** How much of a sample's visible text (not whitespace, not what Rouge could not lex) the two class alike. */
    record Agreement(int compared, int same, int rougeColouredCount, int kilnColouredCount) {
        static Agreement of(String code, String[] rouge, String[] kiln) {
            int compared = 0;
            int same = 0;
            int rougeColoured = 0;
            int kilnColoured = 0;
            for (int i = 0; i < code.length(); i++) {
                if (Character.isWhitespace(code.charAt(i)) || rouge[i].equals(UNLEXED)) {
                    continue;
                }
                compared++;
                if (rouge[i].equals(kiln[i])) {
                    same++;
                }
                if (!rouge[i].isEmpty()) {
                    rougeColoured++;
                }
                if (!kiln[i].isEmpty()) {
                    kilnColoured++;
                }
            }
            return new Agreement(compared, same, rougeColoured, kilnColoured);
        }

        double percent() {
            return 100.0 * same / compared;
        }

        double rougeColoured() {
            return 100.0 * rougeColouredCount / compared;
        }

        double kilnColoured() {
            return 100.0 * kilnColouredCount / compared;
        }
    }
}
