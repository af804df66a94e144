"""(c) Digits: milliseconds per epoch of minibatch SGD on a 64-64-10 network.

The chapter's training: 1,347 training images (the stratified 75/25 split of
seed 0), 64-64-10 with ReLU hidden units and a softmax output, categorical
cross-entropy, SGD at learning rate 0.1 in batches of 32 with the rows
reshuffled every epoch, ``EPOCHS`` epochs per timed block.

* ours: ``backprop.train_minibatch`` (also computes the training-set loss
  after each epoch).
* scikit-learn: ``MLPClassifier(solver="sgd", momentum=0,
  nesterovs_momentum=False, alpha=0, learning_rate="constant",
  learning_rate_init=0.1, batch_size=32, max_iter=EPOCHS, tol=0)``, built by
  ``backprop.peers.sklearn_classifier`` (it computes each batch's loss).
* PyTorch eager: ``nn.Sequential(Linear, ReLU, Linear)``,
  ``nn.CrossEntropyLoss``, ``torch.optim.SGD``, a ``torch.randperm`` each
  epoch, ``loss.item()`` per batch (the usual running loss).

Bar: ours at least 2.5x faster per epoch than scikit-learn.
"""

from __future__ import annotations

import warnings

import backprop as bp
from backprop.digits import digits_network, load_digits
from benchmarks.common import Table, missing_note, ms, peer, side_by_side

EPOCHS = 10
BAR = 2.5
SETTINGS = dict(learning_rate=0.1, batch_size=32)


def _data():
    X, labels = load_digits()
    train, _ = bp.stratified_split(labels, 0.25, seed=0)
    return X[train], labels[train]


def _ours(X, labels, start):
    def run():
        bp.train_minibatch(start.copy(), X, labels, epochs=EPOCHS, seed=0, loss="categorical_cross_entropy", **SETTINGS)

    return run


def _sklearn(X, labels, start):
    from sklearn.exceptions import ConvergenceWarning

    from backprop.peers import sklearn_classifier

    def run():
        clf = sklearn_classifier(start, epochs=EPOCHS, seed=0, **SETTINGS)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter is reached on purpose
            clf.fit(X, labels)

    return run


def _torch(torch, X, labels, start):
    nn = torch.nn
    Xt, yt = torch.tensor(X), torch.tensor(labels)
    generator = torch.Generator().manual_seed(0)

    def run():
        model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)).double()
        with torch.no_grad():
            model[0].weight.copy_(torch.tensor(start.weights[0].T))
            model[0].bias.zero_()
            model[2].weight.copy_(torch.tensor(start.weights[1].T))
            model[2].bias.zero_()
        optimiser = torch.optim.SGD(model.parameters(), lr=SETTINGS["learning_rate"])
        loss_fn = nn.CrossEntropyLoss()
        n = Xt.shape[0]
        for _ in range(EPOCHS):
            order = torch.randperm(n, generator=generator)
            running = 0.0
            for i in range(0, n, SETTINGS["batch_size"]):
                rows = order[i : i + SETTINGS["batch_size"]]
                optimiser.zero_grad()
                loss = loss_fn(model(Xt[rows]), yt[rows])
                loss.backward()
                optimiser.step()
                running += loss.item()

    return run


def run(repeats: int = 7) -> Table:
    sklearn, torch = peer("sklearn"), peer("torch")
    table = Table(
        "Digits 64-64-10, minibatch SGD (batch 32): time per epoch",
        ["training loop", "ms per epoch", "time / ours"],
        bar=f"ours at least {BAR:g}x faster than scikit-learn",
    )
    if sklearn is None:
        table.rows.append([missing_note("sklearn") + " (it also provides the digits data)", "", ""])
        return table
    X, labels = _data()
    start = digits_network(0)
    contenders = {"ours": _ours(X, labels, start), "scikit-learn MLPClassifier": _sklearn(X, labels, start)}
    if torch is not None:
        contenders["PyTorch eager (nn + optim)"] = _torch(torch, X, labels, start)
    per_epoch = {name: t / EPOCHS for name, t in side_by_side(contenders, repeats).items()}
    ours = per_epoch["ours"]
    for name, t in per_epoch.items():
        table.rows.append([name, ms(t), "1" if name == "ours" else f"{t / ours:.1f}"])
    if torch is None:
        table.rows.append([missing_note("torch"), "", ""])
    table.passed = per_epoch["scikit-learn MLPClassifier"] / ours >= BAR
    table.notes.append(
        f"{X.shape[0]} training images, {-(-X.shape[0] // 32)} steps per epoch. "
        f"Median of {repeats} side-by-side repeats of {EPOCHS} epochs each."
    )
    table.notes.append(
        "scikit-learn starts from its own Glorot-uniform draw, the others from the same parameters; "
        "the work per epoch does not depend on the start."
    )
    return table


if __name__ == "__main__":
    print(run().markdown())
