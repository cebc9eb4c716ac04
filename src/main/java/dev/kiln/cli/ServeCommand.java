package dev.kiln.cli;

import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.preview.BrowserOpener;
import dev.kiln.preview.PortInUseException;
import dev.kiln.preview.PreviewLog;
import dev.kiln.preview.PreviewServer;
import dev.kiln.preview.PreviewSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** {@code kiln serve}: the preview, until stopped: Ctrl-C, kill (the shutdown hook) or, in tests, an interrupt of this thread. */
record ServeCommand(Console console, Clock clock) implements Command {
    private static final Option PORT = Option.valued("--port", "-p")
            .checking(text -> port(text) < 0 ? "--port needs a number from 0 to 65535, not '" + text + "'" : null);
    private static final Option HOST = Option.valued("--host");
    private static final Option OPEN = Option.flag("--open");
    static final OptionParser OPTIONS = SiteOptions.of("serve", SiteOptions.SOURCE, PORT, HOST, OPEN, SiteOptions.NO_CHECK_LINKS,
            SiteOptions.VERBOSE, SiteOptions.HELP);

    static final String HELP = """
            Usage: kiln serve [--source DIR] [--port 4000] [--host 127.0.0.1] [--open] [--no-check-links]

            Builds the site in memory, drafts and future posts included, and serves it at
            http://127.0.0.1:4000/. Edits to content/ and templates/ rebuild it and reload the
            open pages; errors show in the terminal and over the page, and the last good site
            stays up. Nothing is written to disk. Ctrl-C stops.
              --source DIR      site folder (default: the current folder)
              --port N          port to listen on (default: 4000; 0 picks a free one)
              --host ADDR       address to listen on (default: 127.0.0.1, this computer only;
                                0.0.0.0 shows your drafts to your network); requests naming
                                any other host than localhost or ADDR get 403
              --open            open the site in the default browser
              --no-check-links  do not report links to pages that do not exist
              --verbose         show stack traces for internal errors

            Exit codes: 0 stopped, 1 could not serve (e.g. the port is in use), 2 bad usage.
            """;

    @Override
    public int run(List<String> args) {
        Arguments arguments = OPTIONS.parse(args);
        String host = arguments.value(HOST, "127.0.0.1");
        PreviewSettings settings = new PreviewSettings(SiteOptions.source(arguments), host, port(arguments.value(PORT, "4000")),
                !arguments.has(SiteOptions.NO_CHECK_LINKS));
        if (arguments.has(SiteOptions.HELP)) {
            return console.help(HELP);
        }
        if (!console.hasContent(settings.root())) {
            return Cli.USAGE;
        }
        PrintStream err = console.err();
        // The preview's diagnostics are not coloured, as they never were.
        PreviewLog log = new PreviewLog(diagnostics -> new DiagnosticPrinter(settings.root()).print(diagnostics, err),
                console.out()::println, err::println);
        PreviewServer server;
        try {
            server = PreviewServer.start(settings, log, clock);
        } catch (PortInUseException e) {
            err.println("kiln: " + e.getMessage());
            err.println("hint: stop the program using it, or choose another port with --port N (--port 0 picks a free one)");
            return Cli.SITE_ERRORS;
        } catch (IOException | RuntimeException e) {
            err.println("kiln: could not start the preview: " + e);
            if (arguments.has(SiteOptions.VERBOSE)) {
                e.printStackTrace(err);
            }
            return Cli.SITE_ERRORS;
        } catch (Error e) {
            return console.crashed(e, "serve", arguments.has(SiteOptions.VERBOSE), "nothing is served");
        }
        serveUntilStopped(server, host, arguments.has(OPEN));
        console.out().println("Stopped.");
        return Cli.OK;
    }

    private void serveUntilStopped(PreviewServer server, String host, boolean open) {
        PrintStream out = console.out();
        PrintStream err = console.err();
        // Ready for Ctrl-C before saying so.
        Thread stop = new Thread(server::close, "kiln-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Runnable restoreCtrlC = CtrlC.stops(server::close);
        try {
            out.println("Serving " + server.address() + " (drafts and future posts included); watching content/ and templates/");
            if (server.reachableFromNetwork()) {
                err.println("warning: --host " + host + " makes the preview reachable from other computers: anyone on"
                        + " your network can read your drafts and future posts; leave --host out to serve this computer only");
            }
            out.println("Press Ctrl-C to stop.");
            if (open) {
                openBrowser(server.address(), err);
            }
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            restoreCtrlC.run();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // kill (SIGTERM): the hook is what stopped us
            }
        }
    }

    private static void openBrowser(URI address, PrintStream err) {
        try {
            BrowserOpener.open(address);
        } catch (IOException e) {
            err.println("kiln: could not open a browser (" + e.getMessage() + "); open " + address + " yourself");
        }
    }

    /** The port a text names, or -1. */
    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
