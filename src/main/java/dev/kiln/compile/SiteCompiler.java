package dev.kiln.compile;

import dev.kiln.work.FrozenMap;
import dev.kiln.work.FrozenSet;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SourceResult;
import dev.kiln.model.SourceSettings;
import dev.kiln.model.Visibility;
import dev.kiln.source.SourceTree;
import dev.kiln.work.Parallel;
import java.nio.file.Path;
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
        boolean parses(SourceCompiler.MarkdownSource source, SourceSettings now) {
            return settings.equals(now) && text.equals(source.file().text()) && parsed.source().isPost() == source.isPost();
        }

        boolean answers(SiteLookup lookup) {
            return compiled.lookups().stream().allMatch(l -> Objects.equals(lookup.resolve(l.kind(), l.key()), l.value()));
        }
    }

    /** The results in the order of the sources, the paths read anew by this build, and what the next one may reuse. */
    public record Compilation(List<SourceResult> results, Set<Path> recompiled, Memory memory) {}

    public static Compilation compile(SourceTree tree, SiteConfig config, Map<String, Object> data, Visibility visibility,
                                      Memory memory) {
        SourceSettings settings = SourceSettings.of(config);
        SourceCompiler compiler = new SourceCompiler(settings);
        List<SourceCompiler.MarkdownSource> all = Stream.concat(
                tree.posts().stream().map(f -> new SourceCompiler.MarkdownSource(f, true)),
                tree.pages().stream().map(f -> new SourceCompiler.MarkdownSource(f, false))).toList();
        List<Known> known = all.stream().map(s -> {
            Known k = memory.sources().get(s.path());
            return k != null && k.parses(s, settings) ? k : null;
        }).toList();
        SourceCompiler.ParsedSource[] parsed = new SourceCompiler.ParsedSource[all.size()];
        Parallel.forEach(all.size(), i -> parsed[i] = known.get(i) != null ? known.get(i).parsed() : compiler.parse(all.get(i)));
        SiteFacts lookup = new SiteFacts(config, Stream.of(parsed).filter(p -> p.front() != null).map(SourceCompiler::written).toList(),
                tree.staticFiles(), tree.includes(), data, visibility, compiler::markdownify);
        SourceCompiler.CompiledSource[] compiled = new SourceCompiler.CompiledSource[all.size()];
        boolean[] reused = new boolean[all.size()];
        Parallel.forEach(all.size(), i -> {
            reused[i] = known.get(i) != null && known.get(i).answers(lookup);
            compiled[i] = reused[i] ? known.get(i).compiled() : compiler.compileBody(parsed[i], lookup);
        });
        Map<Path, Known> next = new HashMap<>();
        Set<Path> recompiled = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            SourceCompiler.MarkdownSource source = all.get(i);
            if (!reused[i]) {
                recompiled.add(source.path());
            }
            next.put(source.path(), new Known(source.file().text(), settings, parsed[i], compiled[i]));
        }
        return new Compilation(Stream.of(compiled).map(SourceCompiler.CompiledSource::result).toList(), FrozenSet.copyOf(recompiled),
                new Memory(FrozenMap.adopt(next)));
    }
}
