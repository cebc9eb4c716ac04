package dev.kiln.cli;

import java.time.Clock;
import java.util.List;

/** {@code kiln new site DIR} and {@code kiln new post "Title"}, which share their help. */
record NewCommand(Console console, Clock clock) implements Command {
    private static final String HELP = """
            Usage: kiln new site DIR
                   kiln new post "My title" [--tags a,b] [--draft] [--source DIR]

            new site writes a site that builds at once into DIR (created if missing; an existing
            folder must be empty): content/site.yml with every setting explained, a first post, an
            about page, a masthead image and a .gitignore for site/.

            new post writes content/posts/YYYY-MM-DD-my-title.md, dated now in the site's time zone,
            and prints the URL it will have. It never overwrites a file.
              --tags a,b     tags of the post
              --draft        mark it draft: true (published only with build --drafts; serve shows it)
              --source DIR   site folder (default: the current folder)

            Exit codes: 0 written, 1 not written (the reason is printed), 2 bad usage.
            """;

    @Override
    public int run(List<String> args) {
        if (args.isEmpty()) {
            console.err().print(HELP);
            return Cli.USAGE;
        }
        if (OptionParser.asksForHelp(args)) {
            return console.help(HELP);
        }
        String what = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (what) {
            case "site" -> new NewSiteCommand(console, clock).run(rest);
            case "post" -> new NewPostCommand(console, clock).run(rest);
            default -> {
                String close = Suggestions.closest(what, List.of("site", "post"));
                throw new UsageException("kiln new makes a site or a post, not '" + what + "'"
                        + (close == null ? "" : "; did you mean new " + close + "?"));
            }
        };
    }
}
