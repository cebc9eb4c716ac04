package dev.kiln.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * The file operations {@link SiteWriter} makes, and nothing else: the seam where tests put a disk
 * that is full, a file that cannot be deleted or a folder that is a mount point, faults the test
 * machine cannot produce on demand.
 */
interface FileOperations {
    /** Creates one folder; its parent exists. */
    void createDirectory(Path dir) throws IOException;

    /** Writes a new file. */
    void write(Path file, byte[] bytes) throws IOException;

    /** Copies a file to a new one with its modification time and permissions; holes stay holes. */
    void copy(Path from, Path to) throws IOException;

    /** Renames within one file system, replacing a file at {@code to}. */
    void move(Path from, Path to) throws IOException;

    /** Deletes a file or an empty folder. */
    void delete(Path path) throws IOException;

    FileOperations DISK = new Disk();

    final class Disk implements FileOperations {
        /** Below this a file is copied whole: holes in small files are rare and not worth the look. */
        private static final long SPARSE_FROM = 1 << 20;
        private static final int CHUNK = 64 * 1024;
        private static final byte[] ZEROS = new byte[CHUNK];

        private Disk() {}

        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void copy(Path from, Path to) throws IOException {
            if (Files.size(from) < SPARSE_FROM) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                return;
            }
            // The JDK copies every byte, so a 2 GiB sparse file would take 2 GB. Runs of zeros are skipped
            // instead, which leaves holes on file systems that have them (ext4, XFS, APFS, tmpfs, NTFS needs a flag).
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
                long position = 0;
                boolean endsInHole = false;
                for (int read; (read = in.read(buffer.clear(), position)) >= 0; ) {
                    if (read == 0) {
                        continue;
                    }
                    endsInHole = Arrays.mismatch(buffer.array(), 0, read, ZEROS, 0, read) < 0;
                    if (!endsInHole) {
                        buffer.flip();
                        for (long at = position; buffer.hasRemaining(); ) {
                            at += out.write(buffer, at);
                        }
                    }
                    position += read;
                }
                if (endsInHole) {
                    out.write(ByteBuffer.wrap(new byte[1]), position - 1); // the length, without filling the hole
                }
            }
            Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
            PosixFileAttributeView posix = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(Files.readAttributes(from, java.nio.file.attribute.PosixFileAttributes.class).permissions());
            }
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(path);
        }
    }

    /** Whether {@code path} exists, not following a symbolic link. */
    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
