package dev.kiln.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files Kiln writes whatever the theme, worded in templates of the jar rather than in code: robots.txt and
 * the page at an old URL ({@code aliases:}). Their values come escaped for where they are printed, so the
 * templates print them as they are ({@code {{{…}}}}). Compiled once; compiled templates are immutable.
 */
final class BuiltInTemplates {
    private static final Mustache ROBOTS = compile("robots.txt.mustache");
    private static final Mustache REDIRECT = compile("redirect.html.mustache");

    private BuiltInTemplates() {}

    /** {@code sitemap}: the sitemap's absolute URL. */
    record Robots(String sitemap) {}

    /**
     * Every value HTML-escaped; {@code script} is the new URL for a JavaScript string, which keeps the old URL's
     * #fragment (a meta refresh drops it, so /old.html#fn:1 would not land on the footnote).
     */
    record Redirect(String language, String title, String canonical, String here, String script) {}

    static String robots(Robots robots) {
        return execute(ROBOTS, robots);
    }

    static String redirect(Redirect redirect) {
        return execute(REDIRECT, redirect);
    }

    private static String execute(Mustache template, Object view) {
        StringWriter out = new StringWriter(1024);
        try {
            template.execute(out, view).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Mustache compile(String name) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new DefaultMustacheFactory().compile(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
