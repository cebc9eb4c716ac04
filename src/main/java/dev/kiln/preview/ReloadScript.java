package dev.kiln.preview;

import java.util.Locale;

/**
 * The live-reload client added to every HTML page the preview serves. It listens on
 * {@value #EVENTS_PATH} (same port as the site) and, when the site's version differs from the one
 * the page was served with, reloads the page, or only swaps stylesheets when nothing but CSS
 * changed. It shows or hides the error overlay. The browser's EventSource reconnects by itself;
 * after a server restart the version differs, so the page reloads.
 */
final class ReloadScript {
    static final String EVENTS_PATH = "/_kiln/events";

    private static final String SCRIPT = """
            <script>(function () {
              var version = "%s";
              function showErrors(html) {
                var old = document.getElementById("kiln-errors");
                if (old) old.remove();
                if (!html) return;
                var box = document.createElement("div");
                box.innerHTML = html;
                document.body.appendChild(box.firstElementChild);
              }
              function swapStylesheets(tag) {
                document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
                  var url = new URL(link.href);
                  if (url.origin !== location.origin) return;
                  url.searchParams.set("kiln", tag);
                  var fresh = link.cloneNode();
                  fresh.href = url.href;
                  fresh.onload = function () { link.remove(); };
                  link.after(fresh);
                });
              }
              function connect() {
                var events = new EventSource("%s");
                events.addEventListener("site", function (e) {
                  var site = JSON.parse(e.data);
                  if (site.version === version) return;
                  if (site.cssOnly && site.previous === version) {
                    version = site.version;
                    swapStylesheets(version);
                  } else {
                    events.close();
                    location.reload();
                  }
                });
                events.addEventListener("errors", function (e) { showErrors(e.data); });
                events.onerror = function () {
                  if (events.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
                };
              }
              connect();
            })();</script>
            """;

    private ReloadScript() {}

    /**
     * The page with the script (and the overlay, when there are errors) added before the last
     * {@code </body>}, or at the end when the page has none.
     */
    static String inject(String html, String version, String overlay) {
        String addition = overlay + String.format(Locale.ROOT, SCRIPT, version, EVENTS_PATH);
        int body = lastBodyEnd(html);
        return body < 0 ? html + addition : html.substring(0, body) + addition + html.substring(body);
    }

    private static int lastBodyEnd(String html) {
        for (int i = html.length() - "</body>".length(); i >= 0; i--) {
            if (html.regionMatches(true, i, "</body>", 0, "</body>".length())) {
                return i;
            }
        }
        return -1;
    }
}
