"""docs/python.md runs as written: its python blocks, in order, as one script."""

import os
import re
import shutil

import pytest

from conftest import EXAMPLES, REPO


def test_the_tutorial_runs(tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 6
    exec(compile("\n".join(blocks), "docs/python.md", "exec"), {"__name__": "__main__"})
    assert os.path.getsize("usa-ven-trend.png") > 1000
    assert os.path.getsize("usa-ven.gdelt.tsv") > 0
