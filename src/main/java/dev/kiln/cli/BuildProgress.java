package dev.kiln.cli;

import java.io.PrintStream;

/**
 * Shows which stage a build is in, on one terminal line, once the build has taken more than a
 * second; a quick build, a pipe or a CI log sees nothing but the summary.
 */
final class BuildProgress implements AutoCloseable {
    private static final long QUIET_MILLIS = 1000;
    private static final long REFRESH_MILLIS = 200;

    private final PrintStream err;
    private final Thread painter;
    private volatile String stage = "start";
    private volatile boolean shown;

    private BuildProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.painter = terminal ? new Thread(this::paint, "kiln-progress") : null;
        if (painter != null) {
            painter.setDaemon(true);
            painter.start();
        }
    }

    static BuildProgress start(PrintStream err, boolean terminal) {
        return new BuildProgress(err, terminal);
    }

    void stage(String name) {
        stage = name;
    }

    private void paint() {
        long start = System.nanoTime();
        try {
            Thread.sleep(QUIET_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                synchronized (err) {
                    err.print("\r\033[2Kbuilding: " + stage + " (" + seconds + " s)");
                    err.flush();
                    shown = true;
                }
                Thread.sleep(REFRESH_MILLIS);
            }
        } catch (InterruptedException e) {
            // the build is over
        }
    }

    @Override
    public void close() {
        if (painter == null) {
            return;
        }
        painter.interrupt();
        try {
            painter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
