// Loads what comes from other sites only when the reader asks for it: an embed when its card is
// clicked. Until then no request leaves the site; without JavaScript each card is a plain link.
(function () {
  "use strict";

  function plainClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
  }

  function frameFor(card) {
    var kind = card.getAttribute("data-embed");
    var src = card.getAttribute("data-embed-src");
    var frame = document.createElement("iframe");
    frame.title = card.getAttribute("data-embed-title");
    frame.className = "embed-frame embed-frame-" + kind;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    if (kind === "gist") {
      // A gist is a script that writes into its document: it gets a document of its own, as tall as it.
      frame.srcdoc = "<!doctype html><base target=\"_top\"><script src=\"" + src.replace(/"/g, "&quot;") + "\"><\/script>";
      frame.addEventListener("load", function () {
        try {
          frame.style.height = frame.contentDocument.documentElement.scrollHeight + "px";
        } catch (e) { /* left at the stylesheet's height */ }
      });
    } else {
      frame.src = src;
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
    }
    var height = card.getAttribute("data-embed-height");
    if (height) {
      frame.style.height = height + "px";
    }
    return frame;
  }

  document.addEventListener("click", function (event) {
    var card = event.target.closest && event.target.closest("a[data-embed-src]");
    if (!card || !plainClick(event)) {
      return;
    }
    event.preventDefault();
    var frame = frameFor(card);
    card.replaceWith(frame);
    frame.focus();
  });
})();
