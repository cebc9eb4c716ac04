// Typesets the math of a post with the KaTeX bundled in the theme (no request leaves the site):
// kramdown writes $$…$$ as \(…\) in a paragraph and \[…\] on its own, and leaves the TeX as written.
// Code blocks and code spans are skipped (auto-render ignores pre and code).
document.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.querySelector(".post-content") || document.body, {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false }
    ],
    throwOnError: false
  });
});
