package dev.kiln.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostScaffoldTest {
    @TempDir
    Path root;

    @Test
    void writesThePostDatedInTheSitesTimeZoneAndSaysItsUrl() throws Exception {
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/site.yml"), "title: T\ntimezone: Asia/Tokyo\nbaseurl: /blog\n");
        PostScaffold.NewPost post = new PostScaffold().create(root, "Hello: \"world\"", List.of("java", "a b"), false,
                Instant.parse("2026-12-01T20:00:00Z"));
        assertEquals(new PostScaffold.NewPost("content/posts/2026-12-02-hello-world.md", "/blog/2026/12/02/hello-world/"), post);
        assertEquals("---\ntitle: \"Hello: \\\"world\\\"\"\ndate: 2026-12-02 05:00:00 +0900\ntags: [\"java\", \"a b\"]\n---\n\n"
                + "Write the first paragraph here: it is the excerpt on the home page.\n", Files.readString(root.resolve(post.path())));
    }

    @Test
    void neverOverwritesAPostAndRefusesATitleWithoutLetters() throws IOException {
        Files.createDirectories(root.resolve("content/posts"));
        Files.writeString(root.resolve("content/posts/2026-12-01-taken.md"), "mine");
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        PostScaffold.NotWrittenException taken = assertThrows(PostScaffold.NotWrittenException.class,
                () -> new PostScaffold().create(root, "Taken", List.of(), false, now));
        assertEquals("content/posts/2026-12-01-taken.md already exists; nothing was overwritten", taken.getMessage());
        assertEquals("mine", Files.readString(root.resolve("content/posts/2026-12-01-taken.md")));
        assertEquals("cannot make a file name from the title '!!': it has no letters or digits",
                assertThrows(PostScaffold.NotWrittenException.class, () -> new PostScaffold().create(root, "!!", List.of(), false, now))
                        .getMessage());
    }
}
