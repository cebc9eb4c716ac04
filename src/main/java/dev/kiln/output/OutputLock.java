package dev.kiln.output;

import dev.kiln.diag.FileErrorText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * One build at a time per output folder: an operating-system lock on {@value #NAME} in it, which
 * also says who holds it (pid, command, since when) for a build that has to wait. The system drops
 * the lock when its process dies, however it dies, so a lock left by a killed build is simply taken
 * over. The holder deletes the file before it lets go, so a waiting build may lock a file that is no
 * longer there: it then compares the file it opened with the one at the path, and tries again.
 * (A second open of the file in the holder's process would drop its lock, on POSIX systems: the
 * holder only ever uses its one channel.)
 */
public final class OutputLock implements AutoCloseable {
    public static final String NAME = ".kiln-lock";
    private static final Duration POLL = Duration.ofMillis(100);

    /** Who holds a lock, as the holder wrote it; fields are empty when it did not (yet). */
    public record Holder(String pid, String command, String since) {
        static Holder parse(String text) {
            String pid = "";
            String command = "";
            String since = "";
            for (String line : text.split("\n")) {
                if (line.startsWith("pid ")) {
                    pid = line.substring(4);
                } else if (line.startsWith("command ")) {
                    command = line.substring(8);
                } else if (line.startsWith("since ")) {
                    since = line.substring(6);
                }
            }
            return new Holder(pid, command, since);
        }

        /** {@code pid 1234 (kiln build --drafts), since 2026-12-02T01:02:03Z}, or less when not known. */
        public String describe() {
            if (pid.isEmpty()) {
                return "another build";
            }
            return "pid " + pid + (command.isEmpty() ? "" : " (" + command + ")") + (since.isEmpty() ? "" : ", since " + since);
        }
    }

    private final Path output;
    private final boolean createdOutput;
    private final FileChannel channel;

    private OutputLock(Path output, boolean createdOutput, FileChannel channel) {
        this.output = output;
        this.createdOutput = createdOutput;
        this.channel = channel;
    }

    /**
     * Locks {@code output} (creating it if need be) for a build described by {@code command}. When another
     * build holds it: with {@code onWait} null, throws naming the holder; else tells {@code onWait} once
     * and waits until the holder is done.
     */
    public static OutputLock acquire(Path output, String command, Clock clock, Consumer<Holder> onWait)
            throws OutputException, InterruptedException {
        boolean created = !Files.exists(output);
        SiteWriter.prepare(output);
        Path file = output.resolve(NAME);
        boolean told = false;
        while (true) {
            FileChannel channel = null;
            if (!Files.isDirectory(output)) {
                SiteWriter.prepare(output); // a holder that had created it removed it again, empty
                created = true;
            }
            try {
                Object opened = fileKey(file);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                if (opened == null) {
                    opened = fileKey(file); // created by this open, or by another build just before it: compared below
                }
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another build in this JVM holds it
                }
                if (lock != null) {
                    if (opened == null || !opened.equals(fileKey(file))) {
                        channel.close(); // the holder deleted the file this one opened: open the one there now
                        continue;
                    }
                    String text = "pid " + ProcessHandle.current().pid() + "\ncommand " + command.replace('\n', ' ')
                            + "\nsince " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\n";
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
                    return new OutputLock(output, created, channel);
                }
                channel.close();
                channel = null;
                Holder holder = Holder.parse(readQuietly(file));
                if (onWait == null) {
                    throw new OutputException(OutputProblem.inOutput("", "is being built by " + holder.describe(),
                            "wait for that build to finish, or run without --no-wait to wait for it"), true);
                }
                if (!told) {
                    onWait.accept(holder);
                    told = true;
                }
            } catch (IOException e) {
                closeQuietly(channel);
                throw new OutputException(OutputProblem.inOutput(NAME, "cannot be locked: " + FileErrorText.reason(e),
                        FileErrorText.hint(e)), true);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The file's identity (device and inode on Unix), or null when there is none. */
    private static Object fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key != null ? key : file; // a system without inodes: the path is all there is to compare
        } catch (IOException e) {
            return null;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // released and deleted meanwhile
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked
            }
        }
    }

    /** Deletes the lock file and releases it; an output folder the lock created and nothing filled goes too. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(output.resolve(NAME));
        } catch (IOException ignored) {
            // a waiting build finds the file unlocked and takes it
        }
        closeQuietly(channel); // releases the lock
        if (createdOutput) {
            try {
                Files.deleteIfExists(output);
            } catch (IOException notEmpty) {
                // the site was written into it
            }
        }
    }
}
