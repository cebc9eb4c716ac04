package dev.kiln.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.model.Route;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer's own shortcut; that a preview edit renders what a cold build does is IncrementalBuildTest's. */
class RouteRendererTest {
    @Test
    void theShortcutForPostsComparesEveryPartOfAPostsRoute() {
        // RouteRenderer.sameRoute tells two post routes equal from these parts; a new part must be compared there too.
        List<String> parts = Arrays.stream(Route.Post.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(List.of("url", "origin", "doc", "older", "newer", "related", "series"), parts,
                "Route.Post changed: compare its new part in RouteRenderer.sameRoute, then update this list");
    }
}
