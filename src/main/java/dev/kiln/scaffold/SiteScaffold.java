package dev.kiln.scaffold;

import dev.kiln.model.SiteConfigReader;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code kiln new site DIR}: a site that builds at once, with every setting of site.yml written out
 * and explained, a first post, an about page, a masthead image and a .gitignore for the output.
 */
public final class SiteScaffold {
    /** Thrown when the folder already holds files: a new site never overwrites anything. */
    public static final class FolderNotEmptyException extends Exception {
        FolderNotEmptyException(Path folder) {
            super(folder + " is not empty");
        }
    }

    /** Writes the site into {@code folder} (created if missing); returns the files written, relative to it. */
    public List<String> create(Path folder, Instant now) throws IOException, FolderNotEmptyException {
        if (Files.exists(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new FolderNotEmptyException(folder);
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> written = new ArrayList<>();
        write(folder, SiteConfigReader.FILE_NAME, SITE_YML, written);
        write(folder, "content/posts/" + today + "-welcome.md", firstPost(today), written);
        write(folder, "content/about.md", ABOUT, written);
        Path image = folder.resolve("content/img/header.jpg");
        Files.createDirectories(image.getParent());
        ImageIO.write(masthead(), "jpg", image.toFile());
        written.add("content/img/header.jpg");
        write(folder, ".gitignore", GITIGNORE, written);
        return written;
    }

    /** The image cache is ignored too; an author who wants a fresh clone's first build fast deletes that line. */
    static final String GITIGNORE = """
            # Kiln writes the site here on every build.
            /site/
            # Kiln's resized images, kept between builds; commit them (delete this line) to spare a fresh clone's first build the resizing.
            /.kiln-cache/
            """;

    private static void write(Path folder, String path, String text, List<String> written) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written.add(path);
    }

    /** A quiet blue-grey gradient, wide like a masthead; drawn here so the repository holds no binary. */
    private static BufferedImage masthead() {
        System.setProperty("java.awt.headless", "true"); // an image in memory, never a window or a dock icon
        BufferedImage image = new BufferedImage(1900, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x4b, 0x5d, 0x73), 1900, 600, new Color(0x9a, 0xa8, 0xb8)));
        g.fillRect(0, 0, 1900, 600);
        g.dispose();
        return image;
    }

    private static String firstPost(LocalDate today) {
        return """
                ---
                title: "Welcome to my blog"
                subtitle: "The first post, written by kiln new site"
                date: %s
                tags: [kiln, blogging]
                background: /img/header.jpg
                ---

                This is the first post of a blog built with Kiln. The first paragraph is the excerpt that the home
                page shows.

                <!--more-->

                ## Writing posts

                Add a file named `YYYY-MM-DD-my-title.md` to `content/posts/`, or let Kiln write one:

                ```sh
                kiln new post "My title" --tags java,blogging
                ```

                Everything [kramdown](https://kramdown.gettalong.org/) authors write works: links that open in a new
                tab[^tab], tables, fenced code, "smart quotes" -- and dashes...

                | command | what it does |
                | --- | --- |
                | `kiln serve` | previews the site and reloads the page on every save |
                | `kiln build` | writes the finished site to `site/` |

                [^tab]: [Like this one](https://kramdown.gettalong.org/syntax.html){:target="_blank"}.
                """.formatted(today);
    }

    private static final String ABOUT = """
            ---
            title: About
            subtitle: Who writes here, and why
            ---

            Say who you are and what this blog is about. This page is `content/about.md`; the menu links to it.
            """;

    private static final String SITE_YML = """
            # Settings for the whole site. Every key is optional: remove the # to change one.

            # The site's name, in the masthead, the page titles and the feed.
            title: My Blog
            # One sentence for search engines, social cards and the feed.
            description: Notes on what I learn.
            # The default author of posts (a post can set its own author:).
            author: Me
            # <html lang> and the language of month names in dates.
            language: en

            # The address the site is published at: feeds, the sitemap and social cards need absolute URLs;
            # until it is set, kiln build warns that they point at localhost.
            # url: https://example.com
            # A sub-path the site lives under, e.g. /blog; empty for the root of the domain.
            # baseurl: ""

            # Post URLs. Placeholders: :year :month :day :i_month :i_day :short_year :hour :minute :second :slug :title.
            # End with / for .../index.html, or with .html for Jekyll-style file URLs.
            # permalink: /:year/:month/:day/:slug/
            # Dates written without an offset are in this time zone (an IANA name); never the machine's.
            # timezone: UTC

            # Posts per home page; older ones are at /page/2/, /page/3/, ...
            # paginate: 5
            # Posts in each Atom feed (/feed.xml and one per tag).
            # feed_size: 10

            # The navigation menu; without it: Home, Posts, Tags, About when content/about.md exists, and Search.
            # menu:
            #   - {title: Home, url: /}
            #   - {title: About, url: /about/}

            # true strips raw HTML (and on... attributes, javascript: links) from Markdown.
            # safe_mode: false

            # A search page at /search/ that finds posts as you type; false leaves out the page, its index and its menu entry.
            # search: true
            """;
}
