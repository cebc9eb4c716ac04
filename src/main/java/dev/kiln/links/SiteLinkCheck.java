package dev.kiln.links;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.model.SiteConfig;
import dev.kiln.work.FrozenMap;
import dev.kiln.work.FrozenSet;
import dev.kiln.work.Parallel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks the links of every HTML page of a build. With the {@link Memory} of the last check it checks
 * again only the pages whose bytes changed or whose source was read anew since, those whose links lead
 * to files that went away or changed their ids, and those with broken links while the set of files
 * changed (a link may now resolve, or get another hint).
 */
public final class SiteLinkCheck {
    private SiteLinkCheck() {}

    /** A generated file as the check sees it; {@code links} is null for files that are not HTML. */
    public interface Output {
        String path();

        byte[] bytes();

        SourcePosition origin();

        LinkChecker.PageLinks links();
    }

    /** What a page's source says: its text, and the links written in it with their positions. */
    public interface Sources {
        String text(Path source);

        List<LinkChecker.WrittenLink> links(Path source);
    }

    /**
     * What the reports were made against: the outputs, every file's path and the settings of the last build
     * that checked links, and the sources read anew since (a build with errors checks no links).
     */
    public record Memory(Map<String, LinkChecker.PageReport> reports, Map<String, Output> outputs, Set<String> paths,
                         SiteConfig config, Set<Path> readSince) {
        public static final Memory EMPTY = new Memory(Map.of(), Map.of(), Set.of(), null, Set.of());

        public Memory {
            reports = FrozenMap.copyOf(reports);
            outputs = FrozenMap.copyOf(outputs);
            paths = FrozenSet.copyOf(paths);
            readSince = FrozenSet.copyOf(readSince);
        }

        /** This memory, told that the sources at {@code read} were read anew (their positions may have moved). */
        public Memory read(Collection<Path> read) {
            if (read.isEmpty()) {
                return this;
            }
            Set<Path> all = new HashSet<>(readSince);
            all.addAll(read);
            return new Memory(reports, outputs, paths, config, all);
        }
    }

    /** The broken links found, and the memory for the next check. */
    public record Checked(List<Diagnostic> diagnostics, Memory memory) {}

    public static Checked check(SiteConfig config, Set<String> paths, Map<String, ? extends Output> outputs,
                                Map<String, String> redirects, Sources sources, Memory memory) {
        boolean sameConfig = config.equals(memory.config());
        Map<String, Output> before = sameConfig ? memory.outputs() : Map.of();
        Set<String> pathsBefore = sameConfig ? memory.paths() : Set.of();
        // Every file counts, not only pages: a link may lead to an image or a PDF that went away.
        // (the very set of the last check when the output plan found the same paths as then)
        boolean filesChanged = pathsBefore != paths
                && (pathsBefore.isEmpty() || pathsBefore.size() != paths.size() || !pathsBefore.containsAll(paths));
        Set<String> gone = new HashSet<>();
        if (filesChanged) {
            pathsBefore.stream().filter(p -> !paths.contains(p)).forEach(gone::add);
        }
        Set<String> newIds = newIds(outputs, before);
        Map<String, LinkChecker.PageReport> next = new ConcurrentHashMap<>();
        List<Output> toCheck = new ArrayList<>();
        for (Output output : outputs.values()) {
            if (output.links() == null) {
                continue;
            }
            LinkChecker.PageReport known = memory.reports().get(output.path());
            // Positions in the report come from the source: a source read anew is placed anew.
            Output old = before.get(output.path());
            boolean still = known != null && old != null && Arrays.equals(old.bytes(), output.bytes())
                    && !memory.readSince().contains(output.origin().file())
                    && (known.broken().isEmpty() || !filesChanged)
                    && (gone.isEmpty() && newIds.isEmpty()
                        || known.targets().stream().noneMatch(t -> gone.contains(t) || newIds.contains(t)));
            if (still) {
                next.put(output.path(), known);
            } else {
                toCheck.add(output);
            }
        }
        LinkChecker checker = new LinkChecker(config.baseurl(), paths, file -> {
            Output target = outputs.get(file);
            return target == null || target.links() == null ? null : target.links().ids();
        }, redirects);
        Parallel.forEach(toCheck.size(), i -> {
            Output output = toCheck.get(i);
            Path source = output.origin().file();
            next.put(output.path(), checker.check(new LinkChecker.Page(output.path(), output.links(), output.origin(),
                    sources.links(source), sources.text(source))));
        });
        return new Checked(LinkChecker.diagnostics(next.values()),
                new Memory(FrozenMap.adopt(next), FrozenMap.copyOf(outputs), paths, config, Set.of()));
    }

    /** The pages rendered anew whose ids (the targets of #fragments) are not those of last time. */
    private static Set<String> newIds(Map<String, ? extends Output> outputs, Map<String, Output> before) {
        Set<String> newIds = new HashSet<>();
        for (Output output : outputs.values()) {
            Output old = before.get(output.path());
            if ((old == null || !Arrays.equals(old.bytes(), output.bytes())) && output.links() != null
                    && (old == null || old.links() == null || !old.links().ids().equals(output.links().ids()))) {
                newIds.add(output.path());
            }
        }
        return newIds;
    }
}
