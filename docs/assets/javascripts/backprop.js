// The guide's network in the browser: a mirror of the Python package `backprop`, function by function,
// for networks of 2 inputs, one hidden layer of h units and 1 output.
//
//   sigmoid, tanh, relu  backprop.activations (the same stable sigmoid: no exp of a positive number)
//   forwardProp          backprop.forward.forward_prop    (samples are rows; z = a W + b, a = f(z))
//   computeLoss          backprop.forward.compute_loss    (mse: no 1/2, averaged over the rows; or binary
//                                                          cross-entropy, from z as the package computes it)
//   backwardProp         backprop.chain_rule.backward_prop
//   numericalGradient    backprop.numerical.numerical_gradient (forward or central difference)
//   gradientDescent      backprop.descent.gradient_descent  (p -= rate * g, in place)
//   train                backprop.training.train            (the loss before each update and after the last)
//   relativeError        backprop.gradcheck.per_parameter_error
//
// Parameters are named as in the package: W1[i][j] is the weight from input i to hidden unit j, b1[j] the
// hidden biases, W2[j][0] the weight from hidden unit j to the output, b2[0] the output bias; p.hidden names
// the hidden activation (sigmoid when absent). make check-site holds every number the pages show to the
// package, called in-process.
(function () {
  "use strict";

  function sigmoid(z) {
    // exp(min(z, 0)) / (1 + exp(-|z|)): for z >= 0 the usual form, for z < 0 the same multiplied through by exp(z).
    return Math.exp(Math.min(z, 0)) / (1 + Math.exp(-Math.abs(z)));
  }

  // Each activation: f(z), and times(g, z, a) = g * f'(z) multiplied in the package's order.
  var ACTIVATIONS = {
    sigmoid: { f: sigmoid, times: function (g, z, a) { return g * a * (1 - a); } },
    tanh: { f: Math.tanh, times: function (g, z, a) { return g * (1 - a * a); } },
    relu: { f: function (z) { return Math.max(z, 0); }, times: function (g, z) { return g * (z > 0 ? 1 : 0); } }
  };
  // The mistake a gradient check must catch: sigmoid's slope written as a instead of a (1 - a).
  var WRONG_SIGMOID = { f: sigmoid, times: function (g, z, a) { return g * a; } };

  function units(p) { return p.b1.length; }

  function names(p) {
    var out = [];
    for (var i = 0; i < 2; i++) for (var j = 0; j < units(p); j++) out.push("W1[" + i + "," + j + "]");
    for (j = 0; j < units(p); j++) out.push("b1[" + j + "]");
    for (j = 0; j < units(p); j++) out.push("W2[" + j + ",0]");
    out.push("b2[0]");
    return out;
  }

  var PARAM = /^([Wb])(\d)\[(\d)(?:,(\d))?\]$/;

  function get(p, name) {
    var m = PARAM.exec(name), array = p[m[1] + m[2]];
    return m[4] === undefined ? array[+m[3]] : array[+m[3]][+m[4]];
  }

  function set(p, name, value) {
    var m = PARAM.exec(name), array = p[m[1] + m[2]];
    if (m[4] === undefined) array[+m[3]] = value;
    else array[+m[3]][+m[4]] = value;
  }

  function copy(p) { return JSON.parse(JSON.stringify(p)); }

  function forwardProp(p, X) {
    // Every z and a of the pass, row by row: cache.z1[n][j], cache.a1[n][j], cache.z2[n][0], cache.a2[n][0].
    var f = ACTIVATIONS[p.hidden || "sigmoid"].f, h = units(p);
    var cache = { z1: [], a1: [], z2: [], a2: [] };
    for (var n = 0; n < X.length; n++) {
      var z1 = new Array(h), a1 = new Array(h), z2 = 0;
      for (var j = 0; j < h; j++) {
        z1[j] = X[n][0] * p.W1[0][j] + X[n][1] * p.W1[1][j] + p.b1[j];
        a1[j] = f(z1[j]);
      }
      for (j = 0; j < h; j++) z2 += a1[j] * p.W2[j][0];
      z2 += p.b2[0];
      cache.z1.push(z1); cache.a1.push(a1); cache.z2.push([z2]); cache.a2.push([sigmoid(z2)]);
    }
    return cache;
  }

  function softplus(z) { return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))); }

  function lossOf(cache, y, loss) {
    var total = 0, N = y.length;
    for (var n = 0; n < N; n++) {
      var a = cache.a2[n][0], z = cache.z2[n][0], t = y[n][0];
      // binary cross-entropy from z: -[t log s(z) + (1 - t) log(1 - s(z))] = softplus(z) - t z
      total += loss === "binary_cross_entropy" ? softplus(z) - t * z : (a - t) * (a - t);
    }
    return total / N;
  }

  function computeLoss(p, X, y, loss) { return lossOf(forwardProp(p, X), y, loss); }

  function backwardProp(p, X, y, options, cache) {
    // delta2 = dL/dz2: (y_hat - y) / N for sigmoid + cross-entropy, else 2 (y_hat - y) / N * sigmoid'(z2);
    // delta1 = (delta2 W2^T) * f'(z1); dW = a^T delta; db = sum of the rows of delta.
    options = options || {};
    var wrong = options.wrongSlope, h = units(p), N = X.length;
    var hidden = wrong && (p.hidden || "sigmoid") === "sigmoid" ? WRONG_SIGMOID : ACTIVATIONS[p.hidden || "sigmoid"];
    var out = wrong ? WRONG_SIGMOID : ACTIVATIONS.sigmoid;
    cache = cache || forwardProp(p, X);
    var g = { W1: [new Array(h).fill(0), new Array(h).fill(0)], b1: new Array(h).fill(0), W2: [], b2: [0] };
    for (var j = 0; j < h; j++) g.W2.push([0]);
    for (var n = 0; n < N; n++) {
      var a1 = cache.a1[n], z1 = cache.z1[n], a2 = cache.a2[n][0], z2 = cache.z2[n][0];
      var delta2 = options.loss === "binary_cross_entropy" && !wrong
        ? (a2 - y[n][0]) / N
        : out.times(2 * (a2 - y[n][0]) / N, z2, a2);
      for (j = 0; j < h; j++) {
        var delta1 = hidden.times(delta2 * p.W2[j][0], z1[j], a1[j]);
        g.W2[j][0] += a1[j] * delta2;
        g.b1[j] += delta1;
        g.W1[0][j] += X[n][0] * delta1;
        g.W1[1][j] += X[n][1] * delta1;
      }
      g.b2[0] += delta2;
    }
    return g;
  }

  function numericalGradient(p, X, y, epsilon, method, loss) {
    // One parameter at a time: forward (L(t + e) - L(t)) / e, or central (L(t + e) - L(t - e)) / (2 e).
    // The old value is put back exactly (saved, not recomputed by subtracting epsilon).
    var base = method === "forward" ? computeLoss(p, X, y, loss) : null, out = {};
    names(p).forEach(function (name) {
      var old = get(p, name);
      set(p, name, old + epsilon);
      var plus = computeLoss(p, X, y, loss);
      if (method === "forward") {
        out[name] = (plus - base) / epsilon;
      } else {
        set(p, name, old + -epsilon);
        out[name] = (plus - computeLoss(p, X, y, loss)) / (2 * epsilon);
      }
      set(p, name, old);
    });
    return out;
  }

  function gradientDescent(p, g, rate) {
    names(p).forEach(function (name) { set(p, name, get(p, name) - rate * get(g, name)); });
    return p;
  }

  function train(p, X, y, options) {
    // options: epochs, rate, loss, gradient ("backprop" or "numerical"), epsilon, wrongSlope, onEpoch(epoch,
    // loss, outputs) called before each update and after the last, as the package's callback.
    var losses = [];
    for (var epoch = 0; epoch <= options.epochs; epoch++) {
      var cache = forwardProp(p, X), loss = lossOf(cache, y, options.loss);
      losses.push(loss);
      if (options.onEpoch && options.onEpoch(epoch, loss, cache.a2) === false) break;
      if (epoch === options.epochs) break;
      var g;
      if (options.gradient === "numerical") {
        var n = numericalGradient(p, X, y, options.epsilon || 1e-5, "forward", options.loss);
        g = copy(p);
        names(p).forEach(function (name) { set(g, name, n[name]); });
      } else {
        g = backwardProp(p, X, y, { wrongSlope: options.wrongSlope, loss: options.loss }, cache);
      }
      gradientDescent(p, g, options.rate);
    }
    return losses;
  }

  function relativeError(a, n) {
    var denominator = Math.abs(a) + Math.abs(n);
    return denominator > 0 ? Math.abs(a - n) / denominator : 0;
  }

  function format(x, digits) {
    // For display, as the site's docs/_hooks/formatting.number writes numbers: `digits` significant digits,
    // a real minus sign, and powers of ten as 1.7 × 10⁻⁷ (HTML). Not part of the package mirror.
    if (x === 0) return "0";
    var a = Math.abs(x);
    if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(digits))).replace("-", "−");
    var parts = x.toExponential(digits - 1).split("e");
    return parts[0].replace("-", "−") + " × 10<sup>" + parts[1].replace("+", "").replace("-", "−") + "</sup>";
  }

  function packageData(script) {
    // The worked example's parameters and the XOR data, as the package has them: exported by the site build
    // (docs/_hooks/widget_data.py) next to this folder, so that no copy of them is typed here.
    return fetch(new URL("../generated/package-data.json", script.src)).then(function (r) { return r.json(); });
  }

  window.backprop = {
    NAMES: names({ b1: [0, 0] }), names: names, sigmoid: sigmoid, ACTIVATIONS: ACTIVATIONS, get: get, set: set,
    copy: copy, forwardProp: forwardProp, computeLoss: computeLoss, backwardProp: backwardProp,
    numericalGradient: numericalGradient, gradientDescent: gradientDescent, train: train,
    relativeError: relativeError, format: format, packageData: packageData
  };
})();
