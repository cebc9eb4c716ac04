// Loads what comes from other sites only when the reader asks for it: an embed when its card is
// clicked, comments when the reader scrolls to them or presses their button, analytics at the
// reader's first scroll, click, tap or key press. Until then no request leaves the site; without
// JavaScript each card and the comments are plain links, and there are no analytics.
(function () {
  "use strict";
  var self = document.currentScript;

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

  // Comments: the provider's own script, with the settings the page holds as data- attributes.
  function loadComments(box) {
    if (box.getAttribute("data-loaded")) {
      return;
    }
    box.setAttribute("data-loaded", "true");
    var provider = box.getAttribute("data-comments");
    var script = document.createElement("script");
    script.src = box.getAttribute("data-comments-src");
    script.async = true;
    script.crossOrigin = "anonymous";
    Array.prototype.forEach.call(box.attributes, function (attribute) {
      var name = attribute.name;
      if (name.indexOf("data-") !== 0 || /^data-(comments|loaded)/.test(name)) {
        return;
      }
      // giscus reads data- attributes; utterances reads them without the prefix.
      script.setAttribute(provider === "utterances" ? name.substring(5) : name, attribute.value);
    });
    var button = box.querySelector(".comments-button");
    if (button) {
      button.remove();
    }
    box.appendChild(script);
  }

  var boxes = document.querySelectorAll("[data-comments-src]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.hidden = false;
    box.querySelector(".comments-button").addEventListener("click", function () {
      loadComments(box);
    });
  });
  if (boxes.length && "IntersectionObserver" in window) {
    // Watched from the reader's first scroll on, so a short page does not load them by itself.
    window.addEventListener("scroll", function () {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            loadComments(entry.target);
          }
        });
      }, { rootMargin: "300px 0px" });
      Array.prototype.forEach.call(boxes, function (box) {
        observer.observe(box);
      });
    }, { once: true, passive: true });
  }

  // Analytics: the provider's script once the reader does something on the page.
  var provider = self && self.getAttribute("data-analytics");
  if (provider) {
    var events = ["scroll", "pointerdown", "keydown", "touchstart"];
    var loadAnalytics = function () {
      events.forEach(function (name) {
        window.removeEventListener(name, loadAnalytics, true);
      });
      var script = document.createElement("script");
      script.src = self.getAttribute("data-analytics-src");
      script.async = true;
      Array.prototype.forEach.call(self.attributes, function (attribute) {
        if (attribute.name.indexOf("data-") === 0 && attribute.name.indexOf("data-analytics") !== 0) {
          script.setAttribute(attribute.name, attribute.value);
        }
      });
      if (provider === "google") {
        window.dataLayer = window.dataLayer || [];
        window.gtag = function () {
          window.dataLayer.push(arguments);
        };
        window.gtag("js", new Date());
        window.gtag("config", script.src.split("id=")[1]);
      }
      document.head.appendChild(script);
    };
    events.forEach(function (name) {
      window.addEventListener(name, loadAnalytics, { capture: true, passive: true });
    });
  }
})();
