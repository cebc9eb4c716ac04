package dev.kiln.compile;

import dev.kiln.diag.Diagnostic;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SourceResult;
import dev.kiln.model.SourceSettings;
import dev.kiln.model.Visibility;
import dev.kiln.source.SourceTree;
import dev.kiln.work.FrozenMap;
import dev.kiln.work.FrozenSet;
import dev.kiln.work.Parallel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Stage 2 for every Markdown file of a site, in parallel: first the front matter of all, then each body.
 * A body depends on its text and the settings, and, when it holds Liquid or links to {@code .md} files, on
 * the answers it got from the rest of the site (another post's URL, an include's text): a result in the
 * {@link Memory} of the last build is reused while all of them are equal.
 */
public final class SiteCompiler {
    private SiteCompiler() {}

    /** What the last build read of each source, by path; valid for a source while its text and the settings are equal. */
    public record Memory(Map<Path, Known> sources) {
        public static final Memory EMPTY = new Memory(Map.of());

        public Memory {
            sources = FrozenMap.copyOf(sources);
        }

        /** This memory without the sources at {@code paths}: they are read again, whatever their text. */
        public Memory without(Collection<Path> paths) {
            if (paths.stream().noneMatch(sources::containsKey)) {
                return this;
            }
            Map<Path, Known> kept = new HashMap<>(sources);
            kept.keySet().removeAll(paths);
            return new Memory(FrozenMap.adopt(kept));
        }
    }

    /** One source as last read: its text and settings (the content key), its front matter and its result. */
    public record Known(String text, SourceSettings settings, SourceCompiler.ParsedSource parsed,
                        SourceCompiler.CompiledSource compiled) {
        /** {@code sameSettings}: whether this source's settings equal the build's (told once per settings object). */
        boolean parses(SourceCompiler.MarkdownSource source, boolean sameSettings) {
            return sameSettings && text.equals(source.file().text()) && parsed.source().isPost() == source.isPost();
        }

        boolean answers(SiteLookup lookup) {
            return stillAnswered(compiled.lookups(), lookup);
        }
    }

    /**
     * The results in the order of the sources, the paths read anew by this build, what the next one may reuse, and how
     * many bodies came from the site's cache folder ({@link CompiledCache}) instead of being compiled.
     */
    public record Compilation(List<SourceResult> results, Set<Path> recompiled, Memory memory, int fromCache) {}

    /**
     * @param keep whether the bodies may be kept in the site's cache folder for the next process (a preview's later
     *             builds have them in {@code memory}; only a process's first build reads and writes the folder)
     */
    public static Compilation compile(SourceTree tree, SiteConfig config, Map<String, Object> data, Visibility visibility,
                                      Memory memory, boolean keep) {
        SourceSettings settings = SourceSettings.of(config);
        SourceCompiler compiler = new SourceCompiler(settings);
        List<SourceCompiler.MarkdownSource> all = new ArrayList<>(tree.posts().size() + tree.pages().size());
        tree.posts().forEach(f -> all.add(new SourceCompiler.MarkdownSource(f, true)));
        tree.pages().forEach(f -> all.add(new SourceCompiler.MarkdownSource(f, false)));
        Known[] known = known(all, settings, memory);
        SourceCompiler.ParsedSource[] parsed = new SourceCompiler.ParsedSource[all.size()];
        Parallel.forEach(all.size(), i -> parsed[i] = known[i] != null ? known[i].parsed() : compiler.parse(all.get(i)));
        SiteFacts lookup = new SiteFacts(config, written(parsed),
                tree.staticFiles(), tree.includes(), data, visibility, compiler::markdownify);
        boolean first = memory.sources().isEmpty();
        CompiledCache disk = first ? CompiledCache.read(tree.root(), settings) : CompiledCache.NONE;
        boolean hashing = first && (keep || disk.size() > 0); // a text's hash is only for finding or keeping its body
        SourceCompiler.CompiledSource[] compiled = new SourceCompiler.CompiledSource[all.size()];
        byte[][] hashes = new byte[all.size()][];
        boolean[] reused = new boolean[all.size()];
        boolean[] cached = new boolean[all.size()];
        Parallel.forEach(all.size(), i -> {
            reused[i] = known[i] != null && known[i].answers(lookup);
            if (reused[i]) {
                compiled[i] = known[i].compiled();
                return;
            }
            if (hashing && parsed[i].front() != null) {
                hashes[i] = CompiledCache.hash(all.get(i).file().text());
                compiled[i] = fromCache(parsed[i], disk.get(all.get(i).path(), all.get(i).isPost(), hashes[i]), lookup);
                cached[i] = compiled[i] != null;
            }
            if (compiled[i] == null) {
                compiled[i] = compiler.compileBody(parsed[i], lookup);
            }
        });
        Map<Path, Known> next = new HashMap<>(all.size() * 4 / 3 + 1);
        Set<Path> recompiled = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            SourceCompiler.MarkdownSource source = all.get(i);
            if (!reused[i]) {
                recompiled.add(source.path());
            }
            next.put(source.path(), new Known(source.file().text(), settings, parsed[i], compiled[i]));
        }
        int fromCache = count(cached);
        if (first && keep) {
            Map<Path, CompiledCache.Entry> entries = keepable(all, parsed, compiled, hashes);
            if (entries.size() > fromCache || disk.size() != entries.size()) { // a body compiled anew, or a source gone
                CompiledCache.write(tree.root(), settings, entries);
            }
        }
        SourceResult[] results = new SourceResult[compiled.length];
        for (int i = 0; i < results.length; i++) {
            results[i] = compiled[i].result();
        }
        return new Compilation(List.of(results), FrozenSet.copyOf(recompiled),
                new Memory(FrozenMap.adopt(next)), fromCache);
    }

    // Loops, not streams, here and below: a preview edit runs them over every source, under the JVM's quick compiler.

    /** What the last build read of each source, where it still parses the same; null elsewhere. */
    private static Known[] known(List<SourceCompiler.MarkdownSource> all, SourceSettings settings, Memory memory) {
        Known[] known = new Known[all.size()];
        SourceSettings equal = null; // the last build's settings object, once it compared equal: one record comparison, not 10,000
        for (int i = 0; i < known.length; i++) {
            Known k = memory.sources().get(all.get(i).path());
            if (k == null) {
                continue;
            }
            boolean sameSettings = k.settings() == equal || k.settings().equals(settings);
            if (sameSettings) {
                equal = k.settings();
            }
            known[i] = k.parses(all.get(i), sameSettings) ? k : null;
        }
        return known;
    }

    private static List<SiteFacts.Written> written(SourceCompiler.ParsedSource[] parsed) {
        List<SiteFacts.Written> written = new ArrayList<>(parsed.length);
        for (SourceCompiler.ParsedSource p : parsed) {
            if (p.front() != null) {
                written.add(SourceCompiler.written(p));
            }
        }
        return written;
    }

    /** A kept body made whole again with the source's own front matter, if every answer it got is still the same. */
    private static SourceCompiler.CompiledSource fromCache(SourceCompiler.ParsedSource parsed, CompiledCache.Entry entry,
                                                           SiteLookup lookup) {
        if (entry == null || !stillAnswered(entry.lookups(), lookup)) {
            return null;
        }
        List<Diagnostic> diagnostics = Stream.concat(parsed.diagnostics().stream(), entry.diagnostics().stream()).toList();
        return new SourceCompiler.CompiledSource(new SourceResult(parsed.source().path(), parsed.source().isPost(), parsed.front(),
                entry.content(), diagnostics), entry.lookups());
    }

    /** Whether the site gives each question a body asked the same answer as then. */
    private static boolean stillAnswered(List<SiteLookup.Lookup> asked, SiteLookup lookup) {
        for (SiteLookup.Lookup l : asked) {
            if (!Objects.equals(lookup.resolve(l.kind(), l.key()), l.value())) {
                return false;
            }
        }
        return true;
    }

    /** The bodies to keep: each one's own diagnostics follow its front matter's (compileBody adds them after). */
    private static Map<Path, CompiledCache.Entry> keepable(List<SourceCompiler.MarkdownSource> all, SourceCompiler.ParsedSource[] parsed,
                                                           SourceCompiler.CompiledSource[] compiled, byte[][] hashes) {
        Map<Path, CompiledCache.Entry> entries = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            SourceResult result = compiled[i].result();
            if (hashes[i] != null && result.content() != null && CompiledCache.keepable(compiled[i].lookups())) {
                List<Diagnostic> own = result.diagnostics().subList(parsed[i].diagnostics().size(), result.diagnostics().size());
                entries.put(all.get(i).path(), new CompiledCache.Entry(all.get(i).isPost(), hashes[i], result.content(),
                        List.copyOf(own), compiled[i].lookups()));
            }
        }
        return entries;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            if (flag) {
                n++;
            }
        }
        return n;
    }
}
