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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                         SiteConfig config, Set<Path> readSince, Map<Path, List<String>> pagesBySource) {
        public static final Memory EMPTY = new Memory(Map.of(), Map.of(), Set.of(), null, Set.of(), Map.of());

        public Memory {
            reports = FrozenMap.copyOf(reports);
            outputs = FrozenMap.copyOf(outputs);
            paths = FrozenSet.copyOf(paths);
            readSince = FrozenSet.copyOf(readSince);
            pagesBySource = FrozenMap.copyOf(pagesBySource);
        }

        /** This memory, told that the sources at {@code read} were read anew (their positions may have moved). */
        public Memory read(Collection<Path> read) {
            if (read.isEmpty()) {
                return this;
            }
            Set<Path> all = new HashSet<>(readSince);
            all.addAll(read);
            return new Memory(reports, outputs, paths, config, all, pagesBySource);
        }
    }

    /** The broken links found, and the memory for the next check. */
    /** {@code checked}: the pages whose links were checked anew (the others' reports were kept), sorted. */
    public record Checked(List<Diagnostic> diagnostics, Memory memory, List<String> checked) {}

    /**
     * @param fresh the outputs rendered anew by this build; every other output is the very one of {@code lastRendered},
     *              the outputs of the build before
     */
    public static Checked check(SiteConfig config, Set<String> paths, Map<String, ? extends Output> outputs,
                                Collection<? extends Output> fresh, Map<String, ? extends Output> lastRendered,
                                Map<String, String> redirects, Sources sources, Memory memory) {
        boolean sameConfig = config.equals(memory.config());
        Map<String, Output> before = sameConfig ? memory.outputs() : Map.of();
        Set<String> pathsBefore = sameConfig ? memory.paths() : Set.of();
        // Every file counts, not only pages: a link may lead to an image or a PDF that went away.
        // (the very set of the last check when the output plan found the same paths as then)
        boolean filesChanged = pathsBefore != paths
                && (pathsBefore.isEmpty() || pathsBefore.size() != paths.size() || !pathsBefore.containsAll(paths));
        // A preview edit after a checked build: only the outputs rendered anew can differ from the last check's.
        boolean onlyFresh = !filesChanged && !before.isEmpty() && before == lastRendered && before.size() == outputs.size()
                && fresh.stream().allMatch(o -> sameSource(before.get(o.path()), o));
        Collection<? extends Output> changed = onlyFresh ? fresh : outputs.values();
        Set<String> gone = new HashSet<>();
        if (filesChanged) {
            pathsBefore.stream().filter(p -> !paths.contains(p)).forEach(gone::add);
        }
        Set<String> newIds = newIds(changed, before);
        Map<String, LinkChecker.PageReport> next = new HashMap<>(onlyFresh ? memory.reports() : Map.of());
        List<Output> toCheck = new ArrayList<>();
        for (Output output : onlyFresh && newIds.isEmpty() ? againOrChanged(outputs, fresh, memory) : outputs.values()) {
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
        LinkChecker checker = new LinkChecker(config.baseurl(), config.url(), paths, file -> {
            Output target = outputs.get(file);
            return target == null || target.links() == null ? null : target.links().ids();
        }, redirects);
        LinkChecker.PageReport[] reports = new LinkChecker.PageReport[toCheck.size()];
        Parallel.forEach(toCheck.size(), i -> {
            Output output = toCheck.get(i);
            Path source = output.origin().file();
            reports[i] = checker.check(new LinkChecker.Page(output.path(), output.links(), output.origin(),
                    sources.links(source), sources.text(source)));
        });
        for (int i = 0; i < reports.length; i++) {
            next.put(toCheck.get(i).path(), reports[i]);
        }
        return new Checked(LinkChecker.diagnostics(next.values()), new Memory(FrozenMap.adopt(next), FrozenMap.copyOf(outputs), paths,
                config, Set.of(), onlyFresh ? memory.pagesBySource() : pagesBySource(outputs)),
                toCheck.stream().map(Output::path).sorted().toList());
    }

    /** Whether an output rendered anew comes from the source its path's output came from last time. */
    private static boolean sameSource(Output old, Output now) {
        return old != null && old.origin().file().equals(now.origin().file());
    }

    /** The outputs rendered anew and the pages made from a source read anew since the last check. */
    private static Collection<Output> againOrChanged(Map<String, ? extends Output> outputs, Collection<? extends Output> fresh,
                                                     Memory memory) {
        Map<String, Output> found = new HashMap<>();
        fresh.forEach(output -> found.put(output.path(), output));
        for (Path source : memory.readSince()) {
            memory.pagesBySource().getOrDefault(source, List.of()).forEach(path -> found.put(path, outputs.get(path)));
        }
        return found.values();
    }

    /** The HTML pages of each source, for the next check to find those of a source read anew without a look at every page. */
    private static Map<Path, List<String>> pagesBySource(Map<String, ? extends Output> outputs) {
        Map<Path, List<String>> bySource = new HashMap<>();
        for (Output output : outputs.values()) {
            if (output.links() != null) {
                bySource.computeIfAbsent(output.origin().file(), k -> new ArrayList<>()).add(output.path());
            }
        }
        bySource.replaceAll((source, pages) -> List.copyOf(pages));
        return FrozenMap.adopt(bySource);
    }

    /** The pages rendered anew whose ids (the targets of #fragments) are not those of last time. */
    private static Set<String> newIds(Collection<? extends Output> outputs, Map<String, Output> before) {
        Set<String> newIds = new HashSet<>();
        for (Output output : outputs) {
            Output old = before.get(output.path());
            if (output.links() != null && (old == null || !Arrays.equals(old.bytes(), output.bytes()))
                    && (old == null || old.links() == null || !old.links().ids().equals(output.links().ids()))) {
                newIds.add(output.path());
            }
        }
        return newIds;
    }
}
