package dev.kiln.cli;

import dev.kiln.scaffold.PostScaffold;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** {@code kiln new post "Title"}: content/posts/YYYY-MM-DD-title.md, never over an existing file. */
record NewPostCommand(Console console, Clock clock) implements Command {
    private static final Option TAGS = Option.valued("--tags");
    private static final Option DRAFT = Option.flag("--draft");
    private static final Option SOURCE = Option.valued("--source", "-s");
    private static final OptionParser OPTIONS = OptionParser.of(TAGS, DRAFT, SOURCE)
            .positionals(1, "new post takes one title; quote it: kiln new post \"My title\"");

    @Override
    public int run(List<String> args) {
        Arguments arguments = OPTIONS.parse(args);
        String title = arguments.positionals().isEmpty() ? "" : arguments.positionals().get(0);
        if (title.isBlank()) {
            throw new UsageException("new post needs a title, e.g. kiln new post \"My title\"");
        }
        List<String> tags = Arrays.stream(arguments.value(TAGS, "").split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        boolean draft = arguments.has(DRAFT);
        Path source = arguments.path(SOURCE, Path.of("."));
        if (!console.hasContent(source)) {
            return Cli.USAGE;
        }
        try {
            PostScaffold.NewPost post = new PostScaffold().create(source, title.strip(), tags, draft, clock.instant());
            console.out().println("Wrote " + post.path() + "; it will be at " + post.url() + (draft ? " (a draft)" : ""));
            return Cli.OK;
        } catch (PostScaffold.NotWrittenException e) {
            console.diagnostics(source, e.diagnostics());
            console.err().println("kiln: " + e.getMessage());
            return Cli.SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            console.err().println("kiln: could not write the post: " + e);
            return Cli.SITE_ERRORS;
        }
    }
}
