package dev.kiln.preview;

import java.util.Locale;

/** What happened to one file under content/ or templates/, as the watcher reports it to a rebuild. */
record SourceChange(String path, Kind kind) {
    enum Kind {
        CREATED, EDITED, DELETED;

        /** As the terminal shows it: "content/posts/x.md edited". */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
