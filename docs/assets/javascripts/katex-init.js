// Typeset the math that pymdownx.arithmatex (generic mode) wrapped in \( \) and \[ \],
// with the KaTeX files vendored next to this script (no CDN). On every page load,
// including Material's instant navigation (document$).
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    // A formula KaTeX cannot parse is shown in red (.katex-error) instead of
    // stopping the page; the browser check fails on any such element.
    throwOnError: false,
  });
});
