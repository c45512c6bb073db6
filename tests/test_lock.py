"""`make run` and `make test` install Python packages from requirements.lock (exact versions and
hashes). The lock must satisfy every requirement in pyproject.toml: a dependency added there
without `make lock` fails here, not on a fresh clone."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _locked() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text()
    return {canonicalize_name(name): version
            for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", text, re.M)}


def _required() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return [Requirement(spec) for spec in specs]


def test_every_requirement_is_locked_at_a_version_it_accepts() -> None:
    locked = _locked()
    problems = []
    for requirement in _required():
        version = locked.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in requirements.lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} does not satisfy {requirement}")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_every_locked_package_has_hashes() -> None:
    blocks = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", (ROOT / "requirements.lock").read_text())
    unhashed = [block.split("==")[0] for block in blocks[1:] if "--hash=sha256:" not in block]
    assert not unhashed, f"packages without hashes in requirements.lock: {unhashed}"
