package dev.kiln.template;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.image.ImageCatalog;
import dev.kiln.links.LinkChecker;
import dev.kiln.links.SiteLinkCheck;
import dev.kiln.model.Document;
import dev.kiln.model.Route;
import dev.kiln.model.RouteTable;
import dev.kiln.model.SiteConfig;
import dev.kiln.work.FrozenMap;
import dev.kiln.work.FrozenSet;
import dev.kiln.work.Parallel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4: renders every route in parallel. With the {@link Memory} of the last build under the same
 * theme and settings, a route whose inputs are equal to last time keeps its bytes.
 */
public final class RouteRenderer {
    private RouteRenderer() {}

    /**
     * One generated file: the route and inputs its bytes are a function of, where it comes from, its links and ids
     * ({@code links} null for files that are not HTML), and the template and time it took, for profiles.
     */
    public record Output(String path, Route route, SiteRendering.RouteInputs inputs, byte[] bytes, SourcePosition origin,
                         LinkChecker.PageLinks links, String template, long nanos) implements SiteLinkCheck.Output {}

    /**
     * The outputs of the last build, by path and in the order of its routes (null where one failed), and what they
     * were rendered under; those made from a source in {@code forgotten} (changed since) are not reused.
     */
    public record Memory(Theme theme, SiteConfig config, SiteRendering rendering, SiteRendering.Facts facts,
                         Map<String, Output> byPath, List<Output> inRouteOrder, Set<Path> forgotten) {
        public static final Memory EMPTY = new Memory(null, null, null, null, Map.of(), List.of(), Set.of());

        public Memory {
            byPath = FrozenMap.copyOf(byPath);
            inRouteOrder = Collections.unmodifiableList(Arrays.asList(inRouteOrder.toArray(new Output[0])));
            forgotten = FrozenSet.copyOf(forgotten);
        }

        /**
         * This memory without the outputs made from the sources at {@code paths}. They are left out where they are
         * looked up, not copied out of a map of every output (a tenth of a 10,000-post edit).
         */
        public Memory without(Collection<Path> paths) {
            if (paths.isEmpty()) {
                return this;
            }
            Set<Path> all = new HashSet<>(forgotten);
            all.addAll(paths);
            return new Memory(theme, config, rendering, facts, byPath, inRouteOrder, all);
        }

        /**
         * The output last made for {@code route}'s URL, or null when there was none or its source changed since.
         * Most often the route at the same place last time: found without making its path and hashing it.
         */
        Output known(int place, Route route) {
            Output output = place < inRouteOrder.size() ? inRouteOrder.get(place) : null;
            if (output == null || !output.route().url().equals(route.url())) {
                output = byPath.get(route.outputPath());
            }
            return output == null || forgotten.contains(output.origin().file()) ? null : output;
        }
    }

    /** {@code fresh} are the outputs rendered by this build, the others were kept from the last one. */
    public record Rendered(List<Output> outputs, List<Output> fresh, List<Diagnostic> problems, Memory memory) {}

    public static Rendered render(Theme theme, SiteConfig config, RouteTable table, ImageCatalog catalog, Memory memory) {
        boolean sameTheme = memory.theme() != null && memory.theme().madeFrom(theme.files()) && config.equals(memory.config());
        SiteRendering rendering = theme.renderer().forSite(table.site(), catalog, sameTheme ? memory.rendering() : null);
        Memory previous = sameTheme ? memory : Memory.EMPTY;
        SiteRendering.Facts facts = rendering.facts();
        boolean sameFacts = !previous.byPath().isEmpty() && memory.facts().equals(facts);
        List<Route> routes = table.routes();
        Output[] outputs = new Output[routes.size()];
        List<Diagnostic> problems = new ArrayList<>();
        boolean[] kept = new boolean[routes.size()];
        Parallel.forEach(routes.size(), i -> {
            Route route = routes.get(i);
            Output known = previous.known(i, route);
            // An equal route under equal facts has equal inputs: no need to gather them again.
            if (known != null && sameFacts && sameRoute(known.route(), route)) {
                outputs[i] = known;
                kept[i] = true;
                return;
            }
            SiteRendering.RouteInputs inputs = rendering.inputs(route);
            if (known != null && known.inputs().equals(inputs)) {
                outputs[i] = new Output(known.path(), route, known.inputs(), known.bytes(), known.origin(), known.links(),
                        known.template(), known.nanos());
                kept[i] = true;
                return;
            }
            List<Diagnostic> found = new ArrayList<>();
            outputs[i] = renderOne(rendering, route, inputs, found);
            if (outputs[i] == null) {
                synchronized (problems) {
                    problems.addAll(found);
                }
            }
        });
        List<Output> done = new ArrayList<>(outputs.length);
        List<Output> fresh = new ArrayList<>();
        Map<String, Output> byPath = new HashMap<>(outputs.length * 4 / 3 + 1); // sized: no rehashing of 12,000 entries on every edit
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null) {
                done.add(outputs[i]);
                byPath.put(outputs[i].path(), outputs[i]);
                if (!kept[i]) {
                    fresh.add(outputs[i]);
                }
            }
        }
        return new Rendered(done, fresh, problems, new Memory(theme, config, rendering, facts, FrozenMap.adopt(byPath),
                Arrays.asList(outputs), Set.of()));
    }

    /**
     * Whether {@code now} equals {@code before}, told part by part by identity for a post's route (a plan keeps an
     * unchanged document, its neighbours and its series, the very objects), else by the records' own equals, which
     * goes through method handles that the JVM's quick compiler does not inline. RouteRendererTest fails when
     * Route.Post gains a part this does not compare.
     */
    static boolean sameRoute(Route before, Route now) {
        if (before instanceof Route.Post a && now instanceof Route.Post b && a.doc() == b.doc() && a.older() == b.older()
                && a.newer() == b.newer() && a.series() == b.series() && a.url().equals(b.url())
                && a.origin().file().equals(b.origin().file()) && a.origin().line() == b.origin().line()
                && a.origin().column() == b.origin().column() && sameDocuments(a.related(), b.related())) {
            return true;
        }
        return before.equals(now);
    }

    private static boolean sameDocuments(List<Document> a, List<Document> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Output renderOne(SiteRendering rendering, Route route, SiteRendering.RouteInputs inputs, List<Diagnostic> found) {
        long start = System.nanoTime();
        SiteRendering.Page page = rendering.render(route, inputs, found);
        if (page == null) {
            return null;
        }
        String path = route.outputPath();
        LinkChecker.PageLinks links = path.endsWith(".html") ? LinkChecker.PageLinks.of(page.text()) : null;
        return new Output(path, route, inputs, page.bytes(), route.origin(), links, rendering.templateOf(route, inputs),
                System.nanoTime() - start);
    }
}
