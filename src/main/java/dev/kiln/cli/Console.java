package dev.kiln.cli;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.diag.FileErrorText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the commands print, stdout for what was done and stderr for problems, and the messages more
 * than one command gives. {@code terminal}: err is a terminal, so progress may be shown there, never in
 * pipes, logs or CI; {@code colour}: errors may be coloured (on a terminal, unless NO_COLOR is set).
 */
record Console(PrintStream out, PrintStream err, boolean terminal, boolean colour) {
    int help(String text) {
        out.print(text);
        return Cli.OK;
    }

    /** Prints diagnostics like a compiler, paths relative to the site's {@code root}. */
    void diagnostics(Path root, List<Diagnostic> diagnostics) {
        new DiagnosticPrinter(root, colour).print(diagnostics, err);
    }

    /** Whether {@code root} has a content/ folder; if not, says so and how to start a site there. */
    boolean hasContent(Path root) {
        if (Files.isDirectory(root.resolve("content"))) {
            return true;
        }
        err.println("kiln: " + root.resolve("content") + " does not exist");
        err.println("hint: run kiln in a folder with content/ (posts go in content/posts/) or pass --source DIR;"
                + " to start a new site there: kiln new site " + newSiteFolder(root));
        return false;
    }

    /** The folder {@code kiln new site} would accept in place of {@code root}: root itself if missing or empty. */
    private static String newSiteFolder(Path root) {
        String shown = root.normalize().toString().replace('\\', '/');
        boolean usable = !Files.exists(root);
        if (Files.isDirectory(root)) {
            try (var entries = Files.list(root)) {
                usable = entries.findAny().isEmpty();
            } catch (IOException e) {
                usable = false;
            }
        }
        return usable && !shown.isEmpty() ? (shown.contains(" ") ? "\"" + shown + "\"" : shown) : "my-blog";
    }

    /** The site's one warning, a published site without its address (see {@link SiteAddress}). */
    void warnAboutAddress(Path root) throws IOException {
        String warning = SiteAddress.warning(root);
        if (warning != null) {
            err.println(colour ? warning.replaceFirst(": warning: ", ": \u001b[33mwarning\u001b[0m: ") : warning);
        }
    }

    /** An I/O error outside the writer (reading the sources): the file and what went wrong, in words. */
    private int fileError(IOException e, Path root, String consequence) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        if (file == null) {
            err.println("kiln: " + FileErrorText.reason(e) + "; " + consequence);
        } else {
            Path path = Path.of(file).toAbsolutePath().normalize();
            Path site = root.toAbsolutePath().normalize();
            String shown = path.startsWith(site) ? site.relativize(path).toString().replace('\\', '/') : path.toString();
            err.println(Diagnostic.visible("kiln: " + shown + ": " + FileErrorText.reason(e)) + "; " + consequence);
        }
        String hint = FileErrorText.hint(e);
        if (hint != null) {
            err.println("hint: " + hint);
        }
        return Cli.SITE_ERRORS;
    }

    /**
     * What a build threw: an unreadable file, a bug in a stage, or an {@link Error}; in Kiln's words, never
     * a stack trace unless {@code verbose}. {@code command}: "build" or "check".
     */
    int buildThrew(Throwable e, Path root, String command, boolean verbose, String consequence) {
        if (e instanceof IOException io) {
            return fileError(io, root, consequence);
        } else if (e instanceof UncheckedIOException io) {
            return fileError(io.getCause(), root, consequence);
        } else if (e instanceof Error error) {
            return crashed(error, command, verbose, consequence);
        }
        return internalError((RuntimeException) e, verbose, consequence);
    }

    /**
     * An {@link Error} escaped {@code kiln <command>}: out of stack or memory (a limit that the JVM's options
     * raise), or anything else (a bug in Kiln, or its installation damaged). A line says which, a hint what
     * to try; the stack trace only with {@code verbose}.
     */
    int crashed(Error e, String command, boolean verbose, String consequence) {
        String doing = switch (command) {
            case "serve" -> "the preview";
            case "import" -> "the import";
            case "check" -> "the check";
            default -> "the build";
        };
        boolean hasVerbose = !command.equals("import");
        String what;
        String hint;
        if (e instanceof StackOverflowError) {
            what = doing + " ran out of stack (StackOverflowError): something in the sources nests too deep for Kiln";
            hint = "give Java more stack, e.g. KILN_OPTS=-Xss8m kiln " + command + (hasVerbose ? ", or run it with --verbose to see where" : "");
        } else if (e instanceof OutOfMemoryError) {
            what = doing + " ran out of memory (OutOfMemoryError" + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            hint = "give Java more memory, e.g. KILN_OPTS=-Xmx4g kiln " + command;
        } else {
            what = "internal error: " + e + " (a bug in Kiln, or its installation is damaged)";
            hint = (hasVerbose ? "run again with --verbose for details; " : "") + "if it happens again, reinstall Kiln, or report it";
        }
        err.println("kiln: " + what + "; " + consequence);
        err.println("hint: " + hint);
        if (verbose) {
            e.printStackTrace(err);
        }
        return Cli.SITE_ERRORS;
    }

    /** A bug in a stage; its stack trace only with --verbose. */
    private int internalError(RuntimeException e, boolean verbose, String consequence) {
        err.println("kiln: internal error: " + e);
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("hint: run again with --verbose for details; " + consequence);
        }
        return Cli.SITE_ERRORS;
    }

    /** The output folder as the user sees it: relative to the site's {@code root} when inside it, with a final slash. */
    static String display(Path root, Path output) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteOutput = output.toAbsolutePath().normalize();
        String shown = absoluteOutput.startsWith(absoluteRoot) ? absoluteRoot.relativize(absoluteOutput).toString() : absoluteOutput.toString();
        return shown.replace('\\', '/') + "/";
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
