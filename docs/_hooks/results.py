"""The last recorded run (``.results/last-run.json``, written by ``speckit/results.py``), looked up per scenario.

Every scenario and every Examples row gets one of these results:

* ``passed``, ``failed`` (the failing step and the message), ``undefined``
  (a sentence with no step definition), ``skipped`` (with the reason);
* the result of an earlier run, with that run's date, when the last run did
  not run it but an earlier one did (a partial run such as ``pytest -k ...``,
  or the re-run of one saved file while the site is served);
* ``not run`` when no recorded run ran it (a new scenario, or no run yet);
* ``changed`` when the feature file's hash differs from the one recorded with
  the results: the verdict would be stale, so none is shown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class Outcome:
    """The result of one scenario or Examples row."""

    status: str
    step: dict | None = None
    """``{"keyword", "text", "line"}`` of the step where it stopped (failed or undefined)."""
    message: str | None = None
    measured: list[tuple[str, float]] = field(default_factory=list)
    earlier: str | None = None
    """The date of the run this result comes from, when it is not the last recorded run."""

    @classmethod
    def from_record(cls, record: dict, earlier: str | None = None) -> Outcome:
        return cls(
            status=record["status"],
            step=record.get("step"),
            message=record.get("message"),
            measured=[(m["what"], m["value"]) for m in record.get("measured") or ()],
            earlier=earlier,
        )


class RunResults:
    """The last run's results (``None`` data: there was no run), looked up per feature."""

    def __init__(self, data: dict | None):
        self.data = data or {}
        self._by_key = {(s["feature"], s["line"], s.get("row")): s for s in self.data.get("scenarios", ())}
        self._earlier = {(s["feature"], s["line"], s.get("row")): s for s in self.data.get("earlier", ())}

    @property
    def exists(self) -> bool:
        return bool(self.data)

    @property
    def date(self) -> str | None:
        return self.data.get("date")

    @property
    def command(self) -> str:
        return str(self.data.get("command") or "pytest")

    @property
    def partial(self) -> bool:
        """True when some scenarios kept from an earlier run were not run by this one."""
        return bool(self._earlier)

    def feature(self, name: str, current_hash: str) -> FeatureResults:
        recorded = self.data.get("features", {}).get(name, {}).get("sha256")
        changed = self.exists and recorded is not None and recorded != current_hash
        return FeatureResults(self, name, changed=changed, malformed=self.data.get("malformed", {}).get(name))


@dataclass
class FeatureResults:
    run: RunResults
    name: str
    changed: bool
    malformed: str | None

    def result(self, line: int, row: int | None = None) -> Outcome:
        """The result of one scenario (``row`` None) or of one row of its Examples."""
        if self.changed:
            return Outcome("changed")
        key = (self.name, line, row)
        found = self.run._by_key.get(key)
        if found is not None:
            return Outcome.from_record(found)
        earlier = self.run._earlier.get(key)
        if earlier is not None:
            return Outcome.from_record(earlier, earlier=earlier.get("date") or "an earlier run")
        return Outcome("not run")
