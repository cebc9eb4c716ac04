package dev.kiln;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
    @TempDir
    Path tmp;

    private Path program(String folder, String name, boolean executable) throws Exception {
        Path file = Files.createDirectories(tmp.resolve(folder)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    private String path(String... folders) {
        StringBuilder path = new StringBuilder(tmp.resolve("does-not-exist").toString());
        for (String folder : folders) {
            path.append(File.pathSeparator).append(tmp.resolve(folder));
        }
        return path.toString();
    }

    @Test
    void findsAProgramInAnyPathFolderNotOnlyUsrBin() throws Exception {
        Path xmllint = program("opt/libxml/bin", "xmllint", true);
        assertEquals(Optional.of(xmllint), Tools.onSearchPath(path("home/bin", "opt/libxml/bin"), "xmllint"));
    }

    @Test
    void takesTheFirstPathFolderThatHasItAndSkipsFilesThatAreNotExecutable() throws Exception {
        program("a", "chromedriver", false);
        Path second = program("b", "chromedriver", true);
        program("c", "chromedriver", true);
        assertEquals(Optional.of(second), Tools.onSearchPath(path("a", "b", "c"), "chromedriver"));
    }

    @Test
    void triesTheNamesInOrderAndReportsAbsence() throws Exception {
        Path browser = program("b", "chromium-browser", true);
        assertEquals(Optional.of(browser), Tools.onSearchPath(path("a", "b"), "chromium", "chromium-browser"));
        Path chromium = program("c", "chromium", true);
        assertEquals(Optional.of(chromium), Tools.onSearchPath(path("a", "b", "c"), "chromium", "chromium-browser"));
        assertEquals(Optional.empty(), Tools.onSearchPath(path("a", "b", "c"), "xmllint"));
        assertEquals(Optional.empty(), Tools.onSearchPath(null, "xmllint"));
    }
}
