// The guide's 2-2-1 network in the browser: a mirror of the Python package `backprop`, function by function.
//
//   sigmoid          backprop.activations.sigmoid     (the same stable form: no exp of a positive number)
//   forwardProp      backprop.forward.forward_prop    (samples are rows; z = a W + b, a = sigmoid(z))
//   computeLoss      backprop.forward.compute_loss    (mean squared error, no 1/2, averaged over the rows)
//   backwardProp     backprop.chain_rule.backward_prop
//   numericalGradient backprop.numerical.numerical_gradient (forward or central difference)
//   relativeError    backprop.gradcheck.per_parameter_error (|a - n| / (|a| + |n|), 0 when both are 0)
//
// Parameters are named as in the package: W1[i][j] is the weight from input i to hidden unit j, b1[j] the
// hidden biases, W2[j][0] the weight from hidden unit j to the output, b2[0] the output bias. make check-site
// types settings into the page and holds every number it shows to the package, called in-process.
(function () {
  "use strict";

  var NAMES = ["W1[0,0]", "W1[0,1]", "W1[1,0]", "W1[1,1]", "b1[0]", "b1[1]", "W2[0,0]", "W2[1,0]", "b2[0]"];

  function sigmoid(z) {
    // exp(min(z, 0)) / (1 + exp(-|z|)): for z >= 0 the usual form, for z < 0 the same multiplied through by exp(z).
    return Math.exp(Math.min(z, 0)) / (1 + Math.exp(-Math.abs(z)));
  }

  function get(p, name) {
    var m = /^([Wb])(\d)\[(\d)(?:,(\d))?\]$/.exec(name);
    var array = p[m[1] + m[2]];
    return m[4] === undefined ? array[+m[3]] : array[+m[3]][+m[4]];
  }

  function set(p, name, value) {
    var m = /^([Wb])(\d)\[(\d)(?:,(\d))?\]$/.exec(name);
    var array = p[m[1] + m[2]];
    if (m[4] === undefined) array[+m[3]] = value;
    else array[+m[3]][+m[4]] = value;
  }

  function forwardProp(p, X) {
    // Every z and a of the pass, row by row: cache.z1[n][j], cache.a1[n][j], cache.z2[n][0], cache.a2[n][0].
    var cache = { z1: [], a1: [], z2: [], a2: [] };
    X.forEach(function (x) {
      var z1 = [0, 1].map(function (j) { return x[0] * p.W1[0][j] + x[1] * p.W1[1][j] + p.b1[j]; });
      var a1 = z1.map(sigmoid);
      var z2 = a1[0] * p.W2[0][0] + a1[1] * p.W2[1][0] + p.b2[0];
      cache.z1.push(z1); cache.a1.push(a1); cache.z2.push([z2]); cache.a2.push([sigmoid(z2)]);
    });
    return cache;
  }

  function computeLoss(p, X, y) {
    var a2 = forwardProp(p, X).a2, total = 0;
    for (var n = 0; n < X.length; n++) total += (a2[n][0] - y[n][0]) * (a2[n][0] - y[n][0]);
    return total / X.length;
  }

  function backwardProp(p, X, y, options) {
    // dL/dz2 = 2 (y_hat - y) / N * sigmoid'(z2); delta1 = (delta2 W2^T) * sigmoid'(z1); dW = a^T delta; db = sum of delta.
    // options.wrongSlope writes sigmoid' as a instead of a (1 - a): the mistake a gradient check must catch.
    // times(g, a) is g * sigmoid'(z), multiplied in the package's order: (g * a) * (1 - a).
    var times = options && options.wrongSlope
      ? function (g, a) { return g * a; }
      : function (g, a) { return g * a * (1 - a); };
    var cache = forwardProp(p, X), N = X.length;
    var g = { W1: [[0, 0], [0, 0]], b1: [0, 0], W2: [[0], [0]], b2: [0], delta1: [], delta2: [] };
    for (var n = 0; n < N; n++) {
      var a1 = cache.a1[n], a2 = cache.a2[n][0];
      var delta2 = times(2 * (a2 - y[n][0]) / N, a2);
      var delta1 = [0, 1].map(function (j) { return times(delta2 * p.W2[j][0], a1[j]); });
      g.delta2.push([delta2]); g.delta1.push(delta1);
      for (var j = 0; j < 2; j++) {
        g.W2[j][0] += a1[j] * delta2;
        g.b1[j] += delta1[j];
        for (var i = 0; i < 2; i++) g.W1[i][j] += X[n][i] * delta1[j];
      }
      g.b2[0] += delta2;
    }
    return g;
  }

  function numericalGradient(p, X, y, epsilon, method) {
    // One parameter at a time: forward (L(t + e) - L(t)) / e, or central (L(t + e) - L(t - e)) / (2 e).
    // The old value is put back exactly (saved, not recomputed by subtracting epsilon).
    var base = method === "forward" ? computeLoss(p, X, y) : null, out = {};
    NAMES.forEach(function (name) {
      var old = get(p, name);
      set(p, name, old + epsilon);
      var plus = computeLoss(p, X, y);
      if (method === "forward") {
        out[name] = (plus - base) / epsilon;
      } else {
        set(p, name, old + -epsilon);
        var minus = computeLoss(p, X, y);
        out[name] = (plus - minus) / (2 * epsilon);
      }
      set(p, name, old);
    });
    return out;
  }

  function relativeError(a, n) {
    var denominator = Math.abs(a) + Math.abs(n);
    return denominator > 0 ? Math.abs(a - n) / denominator : 0;
  }

  window.backprop = {
    NAMES: NAMES, sigmoid: sigmoid, get: get, set: set, forwardProp: forwardProp, computeLoss: computeLoss,
    backwardProp: backwardProp, numericalGradient: numericalGradient, relativeError: relativeError
  };
})();
