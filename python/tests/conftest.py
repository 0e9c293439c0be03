"""Shared fixtures: the example articles, the `dyad` command to compare with, a store."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def _dyad_binary():
    """The `dyad` command built from this checkout: $DYAD_BIN (scripts/test sets it), else
    target/debug/dyad or target/release/dyad."""
    given = os.environ.get("DYAD_BIN")
    if given:
        return pathlib.Path(given)
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("debug", "release"):
        candidate = target / profile / "dyad"
        if candidate.exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the `dyad` command; returns (exit status, stdout, stderr)."""
    binary = _dyad_binary()
    if binary is None or not binary.exists():
        message = "no dyad binary: build it with `cargo build -p dyad-cli` or set DYAD_BIN"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)

    def run(*args, stdin=None):
        done = subprocess.run(
            [str(binary), "--quiet", *map(str, args)],
            input=stdin,
            capture_output=True,
            text=True,
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def example_articles():
    """The JSON Lines articles of examples/ (text, id, title, outlet, published)."""
    lines = (EXAMPLES / "airspace.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture()
def examples_dir(tmp_path):
    """A copy of examples/ (stores write next to nothing in the repository)."""
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    return copy
