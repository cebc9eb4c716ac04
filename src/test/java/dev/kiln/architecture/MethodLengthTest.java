package dev.kiln.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No method or constructor in src/main is longer than {@link #MAX_LINES} lines, from its first line (its annotations
 * included, its Javadoc not) to its closing brace: a longer one holds more than one idea, and is where a god class starts.
 * The sources are parsed with the JDK's own compiler, so a brace in a string or a comment cannot fool the count.
 */
class MethodLengthTest {
    static final int MAX_LINES = 60;
    static final Path MAIN = Path.of("src/main/java");

    @Test
    void noMethodInMainIsLongerThanSixtyLines() throws IOException {
        assertEquals(List.of(), longMethods(MAIN, MAX_LINES), "methods over " + MAX_LINES + " lines (split them)");
    }

    @Test
    void theCheckSeesALongMethod() throws IOException {
        Path dir = Files.createTempDirectory("method-length");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            body.append("        int x").append(i).append(" = ").append(i).append(";\n");
        }
        Files.writeString(dir.resolve("Long.java"), "class Long {\n    void shortOne() {\n    }\n\n    void longOne() {\n"
                + body + "        String s = \"}\"; // }\n    }\n}\n");
        assertEquals(List.of("Long.java:5 Long.longOne: 64 lines"), longMethods(dir, MAX_LINES));
    }

    /** Each method over {@code max} lines in the Java files under {@code root}: {@code path:line Class.method: N lines}. */
    static List<String> longMethods(Path root, int max) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> found = new ArrayList<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(null, manager, null, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                String file = root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString().replace('\\', '/');
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree tree, String outer) {
                        String name = outer.isEmpty() ? tree.getSimpleName().toString() : outer + "." + tree.getSimpleName();
                        return super.visitClass(tree, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, String owner) {
                        long start = positions.getStartPosition(unit, tree);
                        long end = positions.getEndPosition(unit, tree);
                        if (tree.getBody() != null && start >= 0 && end >= 0) {
                            long first = lines.getLineNumber(start);
                            long count = lines.getLineNumber(end) - first + 1;
                            if (count > max) {
                                found.add(file + ":" + first + " " + owner + "." + tree.getName() + ": " + count + " lines");
                            }
                        }
                        return super.visitMethod(tree, owner);
                    }
                }.scan(unit, "");
            }
        }
        return found;
    }
}
