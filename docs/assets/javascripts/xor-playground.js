// "Train it": the XOR playground of the chapter Learning XOR. The network, its training and the seed sweep
// are computed in the page by backprop.js (the mirror of the package); the starting parameters of every
// seed are the package's own (init_network, exported by the site build to ../generated/xor-starts.json).
// Shown values also sit in data- attributes at full precision, for make check-site.
(function () {
  "use strict";
  var bp = window.backprop;
  var script = document.currentScript;
  var RATES = ["0.01", "0.1", "0.5", "1", "2", "4"];
  var DEFAULTS = { seed: "0", rate: "2", h: "2", act: "sigmoid", loss: "mse", grad: "backprop", cap: "2500" };
  var TOLERANCE = 0.1;
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var starts = null;
  var XOR = null;  // the package's XOR data set ({X, y}), from package-data.json

  function fmt(x) { return bp.format(x, 4); }

  function power(exponent) {
    // 10 to a whole power, as the rest of the site writes it: 10⁻².
    return "10" + String(exponent).split("").map(function (c) { return "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]; }).join("");
  }

  function options(values, labels) {
    return values.map(function (v, i) { return '<option value="' + v + '">' + (labels ? labels[i] : v) + "</option>"; }).join("");
  }

  function build(root) {
    root.innerHTML =
      '<div class="bdd-widget-controls">' +
      '<label>Seed <input type="number" min="0" max="99" step="1" data-control="seed"></label>' +
      '<label>Learning rate <select data-control="rate">' + options(RATES) + "</select></label>" +
      '<label>Hidden units <select data-control="h">' + options(["2", "3", "4", "5", "6", "7", "8"]) + "</select></label>" +
      '<label>Hidden activation <select data-control="act">' + options(["sigmoid", "tanh", "relu"]) + "</select></label>" +
      '<label>Loss <select data-control="loss">' + options(["mse", "binary_cross_entropy"], ["mean squared error", "binary cross-entropy"]) + "</select></label>" +
      '<label>Gradient <select data-control="grad">' + options(["backprop", "numerical"], ["backprop", "nudging (ε = 1e-5)"]) + "</select></label>" +
      '<label class="bdd-widget-wrong"><input type="checkbox" data-control="wrong"> Wrong slope</label>' +
      "</div>" +
      '<div class="bdd-widget-controls">' +
      '<button type="button" data-action="play">Play</button>' +
      '<button type="button" data-action="step">Step one epoch</button>' +
      '<label>Train <input type="number" min="1" max="100000" step="1" value="1000" data-control="n"> epochs</label>' +
      '<button type="button" data-action="train">Train</button>' +
      '<button type="button" data-action="reset">Reset</button>' +
      "</div>" +
      '<p class="bdd-widget-status" aria-live="polite">Epoch <strong data-key="epoch">0</strong>, loss <strong data-key="loss"></strong></p>' +
      '<div class="bdd-playground">' +
      '<figure><canvas width="320" height="200" data-plot="loss" aria-label="Loss curve, log scale"></canvas><figcaption>Loss, log scale, against the epoch</figcaption></figure>' +
      '<figure><canvas width="200" height="200" data-plot="boundary" aria-label="Decision boundary"></canvas><figcaption>Output over the unit square; the four XOR points</figcaption></figure>' +
      "</div>" +
      '<div class="bdd-playground-hidden" data-plot="hidden"></div>' +
      '<div class="bdd-widget-scroll"><table class="bdd-playground-table"><caption>The truth table and the network\'s predictions</caption>' +
      "<thead><tr><th>x₁</th><th>x₂</th><th>target</th><th>prediction</th><th>within 0.1</th></tr></thead><tbody></tbody></table></div>" +
      '<div class="bdd-widget-controls">' +
      '<label>Epoch cap <input type="number" min="1" max="100000" step="1" data-control="cap"></label>' +
      '<button type="button" data-action="sweep">Sweep seeds 0–99</button>' +
      "</div>" +
      '<p class="bdd-playground-sweep" aria-live="polite"></p>' +
      '<div class="bdd-playground-failed"></div>';
  }

  function control(root, name) { return root.querySelector('[data-control="' + name + '"]'); }

  function settings(root) {
    var s = {};
    ["seed", "rate", "h", "act", "loss", "grad", "cap"].forEach(function (k) { s[k] = control(root, k).value; });
    s.wrong = control(root, "wrong").checked;
    var seed = Math.round(Number(s.seed));
    s.seed = String(isFinite(seed) ? Math.min(99, Math.max(0, seed)) : 0);
    return s;
  }

  function start(s) {
    var p = bp.copy(starts[s.h][s.seed]);
    p.hidden = s.act;
    return p;
  }

  function trainOptions(s, epochs, onEpoch) {
    return { epochs: epochs, rate: Number(s.rate), loss: s.loss, gradient: s.grad, wrongSlope: s.wrong, onEpoch: onEpoch };
  }

  function learned(outputs) {
    for (var n = 0; n < 4; n++) if (!(Math.abs(outputs[n][0] - XOR.y[n][0]) < TOLERANCE)) return false;
    return true;
  }

  function Playground(root) {
    this.root = root;
    this.playing = false;
    this.reset();
  }

  Playground.prototype.reset = function () {
    this.s = settings(this.root);
    this.p = start(this.s);
    this.losses = [bp.computeLoss(this.p, XOR.X, XOR.y, this.s.loss)];
    this.pause();
    this.draw();
    this.saveHash();
  };

  Playground.prototype.epochs = function (n) {
    // n more epochs from where training stands: the loss after each update is appended.
    var self = this, t0 = performance.now();
    var more = bp.train(this.p, XOR.X, XOR.y, trainOptions(this.s, n));
    this.losses = this.losses.concat(more.slice(1));
    var ms = performance.now() - t0;
    if (n >= 1000) self.root.setAttribute("data-epochs-per-second", String(n / (ms / 1000)));
  };

  Playground.prototype.play = function () {
    var self = this;
    if (reducedMotion) { this.epochs(100); this.draw(); return; }
    this.playing = true;
    this.root.querySelector('[data-action="play"]').textContent = "Pause";
    function frame() {
      if (!self.playing) return;
      var t0 = performance.now();
      // Train in slices of about 12 ms, then draw once: the page never freezes.
      while (performance.now() - t0 < 12) self.epochs(10);
      self.draw();
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  };

  Playground.prototype.pause = function () {
    this.playing = false;
    var button = this.root.querySelector('[data-action="play"]');
    if (button) button.textContent = "Play";
  };

  Playground.prototype.predict = function (x0, x1) {
    return bp.forwardProp(this.p, [[x0, x1]]);
  };

  Playground.prototype.draw = function () {
    var root = this.root, epoch = this.losses.length - 1, loss = this.losses[epoch];
    var epochCell = root.querySelector('[data-key="epoch"]'), lossCell = root.querySelector('[data-key="loss"]');
    epochCell.textContent = String(epoch);
    lossCell.innerHTML = fmt(loss);
    lossCell.setAttribute("data-value", String(loss));
    root.setAttribute("data-epoch", String(epoch));
    var outputs = bp.forwardProp(this.p, XOR.X).a2;
    root.querySelector(".bdd-playground-table tbody").innerHTML = XOR.X.map(function (x, n) {
      var ok = Math.abs(outputs[n][0] - XOR.y[n][0]) < TOLERANCE;
      return "<tr><td>" + x[0] + "</td><td>" + x[1] + "</td><td>" + XOR.y[n][0] + '</td><td data-key="out,' + n +
        '" data-value="' + outputs[n][0] + '">' + fmt(outputs[n][0]) + "</td><td>" + (ok ? "✔ yes" : "✘ no") + "</td></tr>";
    }).join("");
    this.drawLoss();
    this.drawMaps();
  };

  Playground.prototype.drawLoss = function () {
    var c = this.root.querySelector('[data-plot="loss"]'), g = c.getContext("2d"), L = this.losses;
    g.clearRect(0, 0, c.width, c.height);
    var lo = Math.log10(Math.max(1e-6, Math.min.apply(null, L))), hi = Math.log10(Math.max.apply(null, L));
    if (hi - lo < 1) lo = hi - 1;
    g.strokeStyle = "#9aa3b5"; g.strokeRect(30, 5, c.width - 35, c.height - 25);
    g.fillStyle = "#555"; g.font = "10px sans-serif";
    g.fillText(power(Math.round(hi)), 0, 12); g.fillText(power(Math.round(lo)), 0, c.height - 22);
    g.fillText(String(L.length - 1), c.width - 30, c.height - 6); g.fillText("0", 30, c.height - 6);
    g.strokeStyle = "#3f51b5"; g.beginPath();
    var step = Math.max(1, Math.floor(L.length / 600));
    for (var i = 0; i < L.length; i += step) {
      var x = 30 + (c.width - 35) * (L.length > 1 ? i / (L.length - 1) : 0);
      var y = 5 + (c.height - 25) * (hi - Math.log10(Math.max(L[i], 1e-6))) / (hi - lo);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.stroke();
  };

  function heat(canvas, value) {
    // value(x0, x1) in [0, 1] over the unit square, as a blue-to-orange map (coarse cells: cheap enough per frame).
    var g = canvas.getContext("2d"), cells = 25, w = canvas.width / cells, h = canvas.height / cells;
    for (var i = 0; i < cells; i++) {
      for (var j = 0; j < cells; j++) {
        var v = Math.max(0, Math.min(1, value((i + 0.5) / cells, 1 - (j + 0.5) / cells)));
        g.fillStyle = "rgb(" + Math.round(63 + 192 * v) + "," + Math.round(81 + 90 * v) + "," + Math.round(181 - 150 * v) + ")";
        g.fillRect(i * w, j * h, w + 1, h + 1);
      }
    }
  }

  Playground.prototype.drawMaps = function () {
    var self = this, c = this.root.querySelector('[data-plot="boundary"]');
    heat(c, function (x0, x1) { return self.predict(x0, x1).a2[0][0]; });
    var g = c.getContext("2d");
    XOR.X.forEach(function (x, n) {
      g.beginPath(); g.arc(x[0] * (c.width - 20) + 10, (1 - x[1]) * (c.height - 20) + 10, 7, 0, 2 * Math.PI);
      g.fillStyle = XOR.y[n][0] ? "#e8710a" : "#3f51b5"; g.fill(); g.strokeStyle = "#fff"; g.stroke();
    });
    var box = this.root.querySelector('[data-plot="hidden"]'), h = this.p.b1.length;
    if (box.children.length !== h) {
      box.innerHTML = "";
      for (var j = 0; j < h; j++) {
        box.insertAdjacentHTML("beforeend", '<figure><canvas width="80" height="80" aria-label="Hidden unit ' + j +
          '"></canvas><figcaption>a⁽¹⁾' + "₀₁₂₃₄₅₆₇"[j] + "</figcaption></figure>");
      }
    }
    var act = this.s.act;
    box.querySelectorAll("canvas").forEach(function (canvas, j) {
      heat(canvas, function (x0, x1) {
        var a = self.predict(x0, x1).a1[0][j];
        return act === "tanh" ? (a + 1) / 2 : act === "relu" ? Math.tanh(a) : a;
      });
    });
  };

  Playground.prototype.saveHash = function () {
    var q = new URLSearchParams(), s = this.s;
    Object.keys(DEFAULTS).forEach(function (k) { q.set(k, s[k]); });
    if (s.wrong) q.set("wrong", "1");
    history.replaceState(null, "", "#" + q.toString());
  };

  Playground.prototype.sweep = function () {
    // Every seed 0-99 at the current settings, each trained up to the epoch cap; learned = every output within
    // 0.1 of its target at some epoch, the chapter's criterion. In slices, so the page stays responsive.
    var self = this, s = settings(this.root), cap = Math.max(1, Math.round(Number(s.cap))), seed = 0;
    var failed = [], t0 = performance.now(), out = this.root.querySelector(".bdd-playground-sweep");
    var button = this.root.querySelector('[data-action="sweep"]');
    button.disabled = true;
    this.root.removeAttribute("data-sweep-learned");
    function slice() {
      var t = performance.now();
      while (seed < 100 && performance.now() - t < 30) {
        var ok = false;
        bp.train(start({ h: s.h, seed: String(seed), act: s.act }), XOR.X, XOR.y,
          trainOptions(s, cap, function (epoch, loss, outputs) { if (learned(outputs)) { ok = true; return false; } }));
        if (!ok) failed.push(seed);
        seed += 1;
      }
      out.textContent = "Seeds trained: " + seed + " of 100";
      if (seed < 100) { setTimeout(slice, 0); return; }
      var ms = performance.now() - t0;
      self.root.setAttribute("data-sweep-learned", String(100 - failed.length));
      self.root.setAttribute("data-sweep-ms", String(ms));
      out.innerHTML = "<strong>" + (100 - failed.length) + " of 100 seeds</strong> learn XOR within " + cap +
        " epochs at these settings (" + (ms / 1000).toFixed(1) + " s). " + (failed.length ? "The seeds that do not, to load one:" : "");
      self.root.querySelector(".bdd-playground-failed").innerHTML = failed.map(function (f) {
        return '<button type="button" data-seed="' + f + '">seed ' + f + "</button>";
      }).join(" ");
      button.disabled = false;
    }
    setTimeout(slice, 0);
  };

  function fromHash(root) {
    var q = new URLSearchParams(location.hash.slice(1));
    Object.keys(DEFAULTS).forEach(function (k) {
      var el = control(root, k), v = q.get(k);
      el.value = DEFAULTS[k];
      if (v !== null) {
        el.value = v;
        if (el.value !== v) el.value = DEFAULTS[k];  // a value the control does not offer
      }
    });
    control(root, "wrong").checked = q.get("wrong") === "1";
  }

  function init() {
    var root = document.getElementById("xor-playground");
    if (!root || root.getAttribute("data-built")) return;
    root.setAttribute("data-built", "1");
    var startsLoaded = fetch(new URL("../generated/xor-starts.json", script.src)).then(function (r) { return r.json(); });
    Promise.all([startsLoaded, bp.packageData(script)]).then(function (loaded) {
      starts = loaded[0];
      XOR = loaded[1].xor;
      build(root);
      fromHash(root);
      var pg = new Playground(root);
      root.addEventListener("change", function (e) {
        if (e.target.getAttribute("data-control") === "n" || e.target.getAttribute("data-control") === "cap") { pg.saveHash(); return; }
        pg.reset();
      });
      root.addEventListener("click", function (e) {
        var action = e.target.getAttribute("data-action"), seed = e.target.getAttribute("data-seed");
        if (seed !== null) { control(root, "seed").value = seed; pg.reset(); root.querySelector('[data-action="play"]').focus(); return; }
        if (action === "play") { if (pg.playing) pg.pause(); else pg.play(); }
        if (action === "step") { pg.pause(); pg.epochs(1); pg.draw(); }
        if (action === "train") {
          pg.pause();
          pg.epochs(Math.max(1, Math.round(Number(control(root, "n").value))));
          pg.draw();
        }
        if (action === "reset") pg.reset();
        if (action === "sweep") pg.sweep();
      });
      root.setAttribute("data-ready", "1");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
