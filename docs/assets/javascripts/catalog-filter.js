// The step catalog's filter: as the reader types, keep the entries whose text has every word typed.
// Loaded on every page (mkdocs.yml), it does nothing where there is no catalog.
document$.subscribe(function () {
  var input = document.getElementById("bdd-catalog-filter");
  if (!input) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll(".bdd-step-entry"));
  var count = document.querySelector(".bdd-catalog-count");
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry) {
      var text = entry.getAttribute("data-filter") || "";
      var keep = words.every(function (w) { return text.indexOf(w) !== -1; });
      entry.hidden = !keep;
      if (keep) shown += 1;
    });
    // A role's heading goes with its entries: hidden when none of them is shown.
    document.querySelectorAll(".md-content h2").forEach(function (h2) {
      var next = h2.nextElementSibling, any = false;
      while (next && next.tagName !== "H2") {
        if (next.classList.contains("bdd-step-entry") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      h2.hidden = words.length > 0 && !any;
    });
    count.textContent = words.length ? shown + " of " + entries.length + " shown" : "";
  }
  input.addEventListener("input", apply);
  apply();
});
