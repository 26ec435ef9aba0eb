"""The shared-corpus guard: skipped locally, a failure in CI, so a lost `../shared` never passes green."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import require_shared


def test_present_folder_is_returned(tmp_path: Path) -> None:
    assert require_shared(tmp_path, ci="1") == tmp_path


def test_missing_folder_skips_outside_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not beside the checkout"):
        require_shared(tmp_path / "missing")


@pytest.mark.parametrize("value", ["true", "1"])
def test_missing_folder_fails_when_ci_is_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require_shared(tmp_path / "missing")


def test_empty_ci_variable_counts_as_local(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception):
        require_shared(tmp_path / "missing", ci="")
