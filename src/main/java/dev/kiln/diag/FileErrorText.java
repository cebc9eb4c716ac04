package dev.kiln.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What went wrong with a file, in words rather than a Java exception's name: "the disk is full",
 * "permission denied". The reasons come from the operating system and are matched as it spells them.
 */
public final class FileErrorText {
    private FileErrorText() {}

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist (it may have been deleted during the build)";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something else is already there";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "its symbolic links form a loop";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (reason == null) {
            return "input/output error";
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")) {
            return "the disk is full";
        }
        if (lower.contains("quota")) {
            return "the disk quota is used up";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (lower.contains("operation not permitted")) {
            return "operation not permitted (the file may be immutable, locked or in use)";
        }
        if (lower.contains("device or resource busy")) {
            return "the file or folder is busy (in use, or a mount point)";
        }
        return lower.isEmpty() ? "input/output error" : lower;
    }

    /** A hint for the reason, or null when there is nothing better to say than the reason. */
    public static String hint(IOException e) {
        String reason = reason(e);
        if (reason.equals("the disk is full") || reason.startsWith("the disk quota")) {
            return "free some space, then build again";
        }
        if (reason.equals("permission denied") || reason.startsWith("operation not permitted")) {
            return "check the file's and its folder's permissions and attributes (ls -l, lsattr), then build again";
        }
        if (reason.equals("the file system is read-only")) {
            return "choose an output folder on a writable disk with --output";
        }
        return null;
    }
}
