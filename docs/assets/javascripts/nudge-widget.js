// "Nudge it yourself": the guide's 2-2-1 network, live. Every number is computed in the page by backprop.js
// (the mirror of the Python package); each shown value also sits in a data-value attribute, at full
// precision, so that make check-site can hold it to the package.
(function () {
  "use strict";
  var bp = window.backprop;
  var script = document.currentScript;
  var WORKED = null;  // the worked example's parameters and the XOR rows, [[x, y], ...]: the package's, from
  var XOR = null;     // package-data.json (bp.packageData), set before the widget is built
  var EPSILONS = ["1e-1", "1e-2", "1e-3", "1e-4", "1e-5", "1e-6", "1e-7", "1e-8", "1e-9", "1e-10", "1e-11", "1e-12"];
  var DEFAULTS = { row: "3", eps: "1e-5", wrong: false };

  function copy(p) { return JSON.parse(JSON.stringify(p)); }

  function fmt(x) { return bp.format(x, 6); }

  function cell(key, value, extra) {
    return '<td class="bdd-number' + (extra || "") + '" data-key="' + key + '" data-value="' + String(value) + '">' +
      fmt(value) + "</td>";
  }

  function label(name) {
    // W1[0,1] -> W⁽¹⁾₀₁, as the chapters write it.
    var sub = "₀₁₂₃₄₅₆₇₈₉", sup = { 1: "⁽¹⁾", 2: "⁽²⁾" };
    var m = /^([Wb])(\d)\[(\d)(?:,(\d))?\]$/.exec(name);
    return m[1] + sup[m[2]] + sub[+m[3]] + (m[4] === undefined ? "" : sub[+m[4]]);
  }

  function build(root) {
    var inputs = bp.NAMES.map(function (name) {
      var id = "nudge-" + name.replace(/[\[\],]/g, "-");
      return '<div class="bdd-param"><label for="' + id + '">' + label(name) + ' <code>' + name + "</code></label>" +
        '<input id="' + id + '" type="number" step="any" data-param="' + name + '" required></div>';
    }).join("");
    var rows = XOR.map(function (r, i) {
      return '<option value="' + i + '">x = (' + r[0].join(", ") + "), y = " + r[1][0] + "</option>";
    }).join("") + '<option value="all">all four XOR rows</option>';
    var eps = EPSILONS.map(function (e) { return '<option value="' + e + '">ε = ' + e + "</option>"; }).join("");
    root.innerHTML =
      '<div class="bdd-widget-controls">' +
      '<label>Input <select data-control="row">' + rows + "</select></label>" +
      '<label>Nudge <select data-control="eps">' + eps + "</select></label>" +
      '<label class="bdd-widget-wrong"><input type="checkbox" data-control="wrong"> Wrong slope: σ′ = a (drop the 1 − a)</label>' +
      '<button type="button" data-control="reset">Reset to the worked example</button>' +
      "</div>" +
      '<fieldset class="bdd-widget-params"><legend>The nine parameters</legend>' + inputs + "</fieldset>" +
      '<div class="bdd-widget-network" aria-hidden="true"></div>' +
      '<p class="bdd-widget-loss">Loss L (mean squared error, no ½, averaged over the rows): <strong data-key="loss"></strong></p>' +
      '<div class="bdd-widget-scroll"><table class="bdd-widget-values"><caption>The forward pass, row by row</caption>' +
      "<thead><tr><th>x</th><th>z⁽¹⁾₀</th><th>z⁽¹⁾₁</th><th>a⁽¹⁾₀</th><th>a⁽¹⁾₁</th><th>z⁽²⁾₀</th><th>ŷ</th><th>y</th></tr></thead>" +
      "<tbody></tbody></table></div>" +
      '<div class="bdd-widget-scroll"><table class="bdd-widget-gradients"><caption>Each gradient three ways</caption>' +
      '<thead><tr><th scope="col">parameter</th><th scope="col">backprop</th><th scope="col">forward difference</th>' +
      '<th scope="col">its relative error</th><th scope="col">central difference</th><th scope="col">its relative error</th></tr></thead>' +
      "<tbody></tbody></table></div>";
  }

  function readState(root) {
    var p = copy(WORKED);
    root.querySelectorAll("[data-param]").forEach(function (input) {
      var v = Number(input.value);
      if (input.value.trim() !== "" && isFinite(v)) bp.set(p, input.getAttribute("data-param"), v);
    });
    return {
      p: p,
      row: root.querySelector('[data-control="row"]').value,
      eps: root.querySelector('[data-control="eps"]').value,
      wrong: root.querySelector('[data-control="wrong"]').checked
    };
  }

  function writeState(root, state) {
    root.querySelectorAll("[data-param]").forEach(function (input) {
      input.value = String(bp.get(state.p, input.getAttribute("data-param")));
    });
    root.querySelector('[data-control="row"]').value = state.row;
    root.querySelector('[data-control="eps"]').value = state.eps;
    root.querySelector('[data-control="wrong"]').checked = state.wrong;
  }

  function fromHash() {
    var state = { p: copy(WORKED), row: DEFAULTS.row, eps: DEFAULTS.eps, wrong: DEFAULTS.wrong };
    var q = new URLSearchParams(location.hash.slice(1));
    bp.NAMES.forEach(function (name) {
      var v = Number(q.get(name));
      if (q.has(name) && isFinite(v)) bp.set(state.p, name, v);
    });
    if (q.has("row") && (q.get("row") === "all" || /^[0-3]$/.test(q.get("row")))) state.row = q.get("row");
    if (EPSILONS.indexOf(q.get("eps")) !== -1) state.eps = q.get("eps");
    state.wrong = q.get("wrong") === "1";
    return state;
  }

  function toHash(state) {
    var q = new URLSearchParams();
    bp.NAMES.forEach(function (name) { q.set(name, String(bp.get(state.p, name))); });
    q.set("row", state.row); q.set("eps", state.eps); q.set("wrong", state.wrong ? "1" : "0");
    history.replaceState(null, "", "#" + q.toString());
  }

  function network(root, p, cache) {
    // The 2-2-1 diagram: each unit with its activation for the first row shown, each edge with its weight.
    var pos = { x0: [40, 50], x1: [40, 150], h0: [200, 50], h1: [200, 150], o: [360, 100] };
    var edges = [["x0", "h0", p.W1[0][0]], ["x0", "h1", p.W1[0][1]], ["x1", "h0", p.W1[1][0]], ["x1", "h1", p.W1[1][1]],
      ["h0", "o", p.W2[0][0]], ["h1", "o", p.W2[1][0]]];
    var svg = '<svg viewBox="0 0 420 200" role="img">';
    edges.forEach(function (e) {
      var a = pos[e[0]], b = pos[e[1]], mx = a[0] + (b[0] - a[0]) * 0.35, my = a[1] + (b[1] - a[1]) * 0.35;
      svg += '<line x1="' + a[0] + '" y1="' + a[1] + '" x2="' + b[0] + '" y2="' + b[1] + '" stroke="#9aa3b5"/>' +
        '<text x="' + mx + '" y="' + (my - 4) + '" font-size="11" fill="#3f51b5">' + fmt(e[2]) + "</text>";
    });
    var units = [["x0", "x₀", cache.x[0]], ["x1", "x₁", cache.x[1]], ["h0", "a⁽¹⁾₀", cache.a1[0]],
      ["h1", "a⁽¹⁾₁", cache.a1[1]], ["o", "ŷ", cache.a2[0]]];
    units.forEach(function (u) {
      var c = pos[u[0]];
      svg += '<circle cx="' + c[0] + '" cy="' + c[1] + '" r="24" fill="#fff" stroke="#3f51b5"/>' +
        '<text x="' + c[0] + '" y="' + (c[1] - 4) + '" font-size="11" text-anchor="middle">' + u[1] + "</text>" +
        '<text x="' + c[0] + '" y="' + (c[1] + 11) + '" font-size="11" text-anchor="middle">' + fmt(u[2]) + "</text>";
    });
    root.querySelector(".bdd-widget-network").innerHTML = svg + "</svg>";
  }

  function render(root) {
    var state = readState(root);
    var chosen = state.row === "all" ? XOR : [XOR[+state.row]];
    var X = chosen.map(function (r) { return r[0]; }), y = chosen.map(function (r) { return r[1]; });
    var p = state.p, eps = Number(state.eps);
    var cache = bp.forwardProp(p, X);
    var loss = bp.computeLoss(p, X, y);
    var g = bp.backwardProp(p, X, y, { wrongSlope: state.wrong });
    var fwd = bp.numericalGradient(p, X, y, eps, "forward"), cen = bp.numericalGradient(p, X, y, eps, "central");
    var lossCell = root.querySelector('[data-key="loss"]');
    lossCell.innerHTML = fmt(loss); lossCell.setAttribute("data-value", String(loss));
    root.querySelector(".bdd-widget-values tbody").innerHTML = X.map(function (x, n) {
      return "<tr><td>(" + x.join(", ") + ")</td>" + cell("z1," + n + ",0", cache.z1[n][0]) + cell("z1," + n + ",1", cache.z1[n][1]) +
        cell("a1," + n + ",0", cache.a1[n][0]) + cell("a1," + n + ",1", cache.a1[n][1]) + cell("z2," + n + ",0", cache.z2[n][0]) +
        cell("a2," + n + ",0", cache.a2[n][0]) + "<td>" + y[n][0] + "</td></tr>";
    }).join("");
    root.querySelector(".bdd-widget-gradients tbody").innerHTML = bp.NAMES.map(function (name) {
      var a = bp.get(g, name), ef = bp.relativeError(a, fwd[name]), ec = bp.relativeError(a, cen[name]);
      var bad = function (e) { return e > 1e-4 ? " bdd-widget-bad" : ""; };
      return '<tr><th scope="row" title="' + name + '">' + label(name) + "</th>" + cell("grad:" + name, a) +
        cell("fwd:" + name, fwd[name]) + cell("err-fwd:" + name, ef, bad(ef)) +
        cell("cen:" + name, cen[name]) + cell("err-cen:" + name, ec, bad(ec)) + "</tr>";
    }).join("");
    network(root, p, { x: X[0], a1: cache.a1[0], a2: cache.a2[0] });
    root.setAttribute("data-ready", String(Number(root.getAttribute("data-ready") || 0) + 1));
    toHash(state);
  }

  function init() {
    var root = document.getElementById("nudge-widget");
    if (!root || root.getAttribute("data-built")) return;
    root.setAttribute("data-built", "1");
    bp.packageData(script).then(function (data) {
      WORKED = data.worked;
      XOR = data.xor.X.map(function (x, n) { return [x, data.xor.y[n]]; });
      start(root);
    });
  }

  function start(root) {
    build(root);
    writeState(root, fromHash());
    root.addEventListener("input", function () { render(root); });
    root.addEventListener("change", function () { render(root); });
    root.querySelector('[data-control="reset"]').addEventListener("click", function () {
      writeState(root, { p: copy(WORKED), row: DEFAULTS.row, eps: DEFAULTS.eps, wrong: false });
      render(root);
    });
    render(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
