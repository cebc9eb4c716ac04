package dev.kiln.cli;

import dev.kiln.scaffold.SiteScaffold;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code kiln new site DIR}: a site that builds at once, in a new or empty folder. */
record NewSiteCommand(Console console, Clock clock) implements Command {
    private static final String USAGE = "new site takes one folder, e.g. kiln new site my-blog";
    private static final OptionParser OPTIONS = OptionParser.of().positionals(1, USAGE).refusing(arg -> USAGE);

    @Override
    public int run(List<String> args) {
        List<String> folders = OPTIONS.parse(args).positionals();
        if (folders.size() != 1) {
            throw new UsageException(USAGE);
        }
        Path folder = Arguments.path(folders.get(0));
        PrintStream out = console.out();
        PrintStream err = console.err();
        try {
            List<String> written = new SiteScaffold().create(folder, clock.instant());
            out.println("Created a new site in " + folder + "/:");
            written.forEach(file -> out.println("  " + file));
            out.println("Next: cd " + folder + ", then kiln serve to preview it; before kiln build publishes it into site/, set url:"
                    + " in content/site.yml to the address it will have (until then the build warns).");
            return Cli.OK;
        } catch (SiteScaffold.FolderNotEmptyException e) {
            err.println("kiln: " + e.getMessage() + "; nothing was written");
            err.println("hint: choose a new or empty folder for the new site");
            return Cli.SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not write the new site: " + e);
            return Cli.SITE_ERRORS;
        }
    }
}
