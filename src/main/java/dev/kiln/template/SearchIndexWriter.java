package dev.kiln.template;

import dev.kiln.model.Document;
import dev.kiln.model.Route;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.Tag;
import dev.kiln.text.JsonText;
import dev.kiln.work.FrozenMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page's index: a JSON array with one object per post (newest first), then per page,
 * one per line: {@code title}, {@code url} (with the baseurl), {@code date} (ISO, the author's day)
 * and {@code dateText} (as the pages show it) for posts, {@code tags}, and {@code text}, the start
 * of the body as plain text. Built from the documents alone, so two builds give the same bytes.
 */
final class SearchIndexWriter {
    private final SiteConfig config;
    private final DateTimeFormatter displayDate;
    /**
     * Each document's line in UTF-8, by source, with the document it was made from: a line is reused while its
     * document is equal, so an edit joins 10,000 lines of bytes instead of escaping and encoding 7 MB again.
     * Made by the one index route of a build (the last build's when this one rendered none); read by the next build's writer.
     */
    private volatile Map<Path, Line> lines;

    private record Line(Document doc, byte[] bytes) {}

    /**
     * @param displayDate how the pages show a date, for {@code dateText}
     * @param previous the last build's writer, whose lines are reused under the same settings; or null
     */
    SearchIndexWriter(SiteConfig config, DateTimeFormatter displayDate, SearchIndexWriter previous) {
        this.config = config;
        this.displayDate = displayDate;
        this.lines = previous != null && previous.config.equals(config) ? previous.lines : Map.of();
    }

    /** Called for the one index route of a build, so the lines need no locking. */
    byte[] index(Route.SearchIndex index) {
        Map<Path, Line> known = lines;
        Map<Path, Line> made = new HashMap<>(index.docs().size() * 4 / 3 + 1);
        List<byte[]> joined = new ArrayList<>(index.docs().size());
        int size = 1 + END.length;
        for (Document doc : index.docs()) {
            Line line = known.get(doc.source());
            if (line == null || line.doc() != doc && !line.doc().equals(doc)) {
                line = new Line(doc, entry(doc).getBytes(StandardCharsets.UTF_8));
            }
            made.put(doc.source(), line);
            joined.add(line.bytes());
            size += line.bytes().length + (joined.size() == 1 ? NEWLINE.length : COMMA_NEWLINE.length);
        }
        this.lines = FrozenMap.adopt(made);
        // Joined into an array of the exact size: a ByteArrayOutputStream's toByteArray copied the 7 MB again on every edit.
        byte[] json = new byte[size];
        json[0] = '[';
        int at = 1;
        for (int i = 0; i < joined.size(); i++) {
            at = put(i == 0 ? NEWLINE : COMMA_NEWLINE, json, at);
            at = put(joined.get(i), json, at);
        }
        put(END, json, at);
        return json;
    }

    private static int put(byte[] bytes, byte[] into, int at) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] COMMA_NEWLINE = {',', '\n'};
    private static final byte[] END = {'\n', ']', '\n'};

    private String entry(Document doc) {
        StringBuilder json = new StringBuilder(Document.Content.TEXT_LENGTH + 200);
        json.append("{\"title\":");
        JsonText.appendQuoted(json, doc.title()).append(",\"url\":");
        JsonText.appendQuoted(json, config.baseurl() + doc.url());
        if (doc.date() != null && doc.isPost()) {
            json.append(",\"date\":");
            JsonText.appendQuoted(json, DateTimeFormatter.ISO_LOCAL_DATE.format(doc.date())).append(",\"dateText\":");
            JsonText.appendQuoted(json, displayDate.format(doc.date()));
        }
        json.append(",\"tags\":[");
        for (int i = 0; i < doc.tags().size(); i++) {
            Tag tag = doc.tags().get(i);
            JsonText.appendQuoted(i == 0 ? json : json.append(','), tag.name());
        }
        json.append("],\"text\":");
        JsonText.appendQuoted(json, doc.content().text()).append('}');
        return json.toString();
    }
}
