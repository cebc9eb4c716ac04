package dev.kiln.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.diag.Diagnostic;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidRendererTest {
    private static final Path POST = Path.of("content/posts/2020-01-02-x.md");
    private static final Map<String, Object> PAGE = Map.of("title", "T", "url", "/2020/01/02/x/",
            "date", OffsetDateTime.parse("2020-01-02T09:05:00+01:00"));

    private static LiquidResult render(String body, Map<String, String> includes) {
        return new LiquidRenderer().render(POST, body, 4, PAGE,
                (kind, key) -> kind == SiteLookup.Kind.INCLUDE ? includes.get(key) : null);
    }

    private static List<String> errors(LiquidResult result) {
        return result.diagnostics().stream().map(d -> d.position() + ": " + d.message()).toList();
    }

    @Test
    void reportsAnIncludeLoopAtTheIncludeThatClosesIt() {
        LiquidResult result = render("{% include a.md %}\n", Map.of("a.md", "A {% include b.md %}", "b.md", "B {% include a.md %}"));
        assertEquals(List.of("templates/includes/b.md:1:3: include 'a.md' includes itself: a.md → b.md → a.md"), errors(result));
    }

    @Test
    void trimsWhitespaceAtDashesAndPrintsDatesAsJekyllDoes() {
        LiquidResult result = render("{{- page.date -}} {%- raw -%}{{x}}{%- endraw -%} {{ page.date | date: \"%a %e %b %I:%M %p\" }}", Map.of());
        assertEquals(List.of(), errors(result));
        assertEquals("2020-01-02 09:05:00 +0100{{x}}Thu  2 Jan 09:05 AM", result.text().text());
    }

    @Test
    void reportsUnclosedDelimitersAndStrayEndTags() {
        LiquidResult result = render("a {{ page.title\nb {% endraw %}\nc {% post_url", Map.of());
        assertEquals(List.of("content/posts/2020-01-02-x.md:4:3: '{{' is never closed by '}}'",
                "content/posts/2020-01-02-x.md:6:3: '{%' is never closed by '%}'",
                "content/posts/2020-01-02-x.md:5:3: {% endraw %} without {% raw %}"), errors(result));
    }

    @Test
    void fencesHighlightedCodeLongerThanAnyBacktickRunInsideAndMapsPositionsBack() {
        LiquidResult result = render("Text {% highlight md %}\n````\n{% endhighlight %} after [x](/y/)", Map.of());
        assertEquals("Text \n`````md nolinenos\n````\n`````\n after [x](/y/)", result.text().text());
        // "[x]" on the output's fifth line is at line 3, column 26 of the body.
        assertEquals(List.of(3, 26), List.of(result.text().origin(5, 8)[0], result.text().origin(5, 8)[1]));
        assertEquals(List.<Diagnostic>of(), result.diagnostics());
    }

    @Test
    void highlightedCodeEndsWhereItsRenderedTextDoesAsJekyllStripsIt() {
        // include_relative of a code sample brings its last newline; Jekyll's highlight strips the code it renders
        LiquidResult result = new LiquidRenderer().render(POST, "{% highlight python %}\n{% include_relative hello.py %}\n"
                + "{% endhighlight %}\n", 4, PAGE, (kind, key) -> kind == SiteLookup.Kind.INCLUDE_RELATIVE ? "print(\"hi\")\n\n" : null);
        assertEquals(List.of(), errors(result));
        assertEquals("```python nolinenos\nprint(\"hi\")\n```\n", result.text().text());
    }

    @Test
    void mapsTextWrittenByALoopBackToTheLoopBodyAndReportsAnUnclosedIfAtItsTag() {
        LiquidResult result = render("{% for i in (1..2) %}[x](/y/) {% endfor %}\n{% if page.title %}\nnever closed", Map.of());
        assertEquals("[x](/y/) [x](/y/) \n", result.text().text());
        assertEquals(List.of(1, 22), List.of(result.text().origin(1, 10)[0], result.text().origin(1, 10)[1]));
        assertEquals(List.of("content/posts/2020-01-02-x.md:5:1: {% if %} is never closed"), errors(result));
    }

    @Test
    void refusesBlocksNestedPastTheLimitOnceAtTheTagThatGoesTooDeep() {
        String ok = "{% if page.title %}".repeat(100) + "deep" + "{% endif %}".repeat(100);
        LiquidResult fine = render(ok, Map.of());
        assertEquals(List.of(), errors(fine));
        assertEquals("deep", fine.text().text());
        // 3,000 levels, closed or not, used to overflow the stack: one error at the 101st tag (column 1 + 100 × 19).
        for (String tail : List.of("{% endif %}".repeat(3000), "")) {
            LiquidResult deep = render("{% if page.title %}".repeat(3000) + "x" + tail, Map.of());
            assertEquals(List.of("content/posts/2020-01-02-x.md:4:1901: Liquid blocks nested more than 100 levels deep"), errors(deep));
        }
    }
}
