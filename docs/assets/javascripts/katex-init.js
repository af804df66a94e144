// Typeset the math that pymdownx.arithmatex (generic mode) wrapped in \( \) and \[ \],
// with the KaTeX files vendored next to this script (no CDN). On every page load,
// including Material's instant navigation (document$).
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    // A formula KaTeX cannot typeset (a parse error or an unsupported command)
    // stays as raw TeX and is listed in window.katexErrors: `make check-site`
    // fails on either, instead of a red formula passing unnoticed.
    throwOnError: true,
    errorCallback: (message, error) => {
      (window.katexErrors = window.katexErrors || []).push(`${message} ${error}`);
      console.error(message, error);
    },
  });
});
