"""Contracts that rot unless tested: README, CI script, CLI help and settings files agree."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from bot.cli import cli
from bot.config import Settings

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text()


def readme_commands() -> list[str]:
    """The two commands in README's first code block."""
    block = README.split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_two_commands() -> None:
    main_job, tests = readme_commands()
    assert "briefing-bot" in main_job and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text()
    assert readme_commands()[1] in ci.splitlines()


def leaf_commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    """Every runnable command by its full name (`feeds export`), groups opened."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            assert command.help and command.help.strip()
            found.update(leaf_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


@pytest.mark.parametrize("name", sorted(leaf_commands(cli)))
def test_every_command_has_help_db_and_readme_entry(name: str) -> None:
    command = leaf_commands(cli)[name]
    assert command.help and command.help.strip()
    assert any(isinstance(p, click.Option) and "--db" in p.opts for p in command.params)
    assert f"`briefing-bot {name}" in README


def test_every_setting_is_in_env_example_and_readme() -> None:
    example = (REPO / ".env.example").read_text()
    names = {name.upper() for name in Settings.model_fields}
    listed = set(re.findall(r"^(?:# )?([A-Z_]+)=", example, flags=re.M))  # BRIEFING_DB is listed commented out
    assert names == listed
    for name in names:
        assert name in README


def test_dockerfile_matches_readme() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "USER briefing" in dockerfile and 'VOLUME ["/data"]' in dockerfile
    assert 'CMD ["briefing-bot", "health"]' in dockerfile and 'CMD ["briefing-bot", "run"]' in dockerfile
    assert "BRIEFING_DB=/data/briefings.db" in dockerfile and "/data" in README


def test_env_example_leaves_the_images_database_path_alone() -> None:
    """`docker run --env-file .env` would override the image's /data path and lose the database with the container."""
    example = (REPO / ".env.example").read_text()
    assert not re.search(r"^BRIEFING_DB=", example, flags=re.M)
    assert "--env-file .env -v briefing-data:/data" in README
