"""Synthetic registers shaped like Os kommune's, of any size, for the benchmark and its smoke test.

The bundled register's plan files are the templates: copy ``k`` of a plan gets the id
``<id>-<k>`` (copy 0 keeps the real id, so a register of 60 files is the bundled one), its
title and remarks are varied, and every reference to another plan (``part_of``, ``supersedes``,
``superseded_by``) points at the same copy of that plan, so the synthetic register validates
clean. ``categories.yaml``, ``municipalities.yaml`` and ``requirements.yaml`` are copied as
they are. Nothing here imports the package: the benchmark must time it, not warm it up.

    python bench/generate.py 5000 /tmp/register
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "data"
SHARED_FILES = ("categories.yaml", "municipalities.yaml", "requirements.yaml")
_REF_KEY = re.compile(r"^(\s*(?:part_of|superseded_by):\s*)([a-z0-9-]+)(.*)$")
_ID_LINE = re.compile(r"^(id:\s*)([a-z0-9-]+)(.*)$")
_LIST_ITEM = re.compile(r"^(\s*-\s*)([a-z0-9-]+)(\s*(?:#.*)?)$")
_TITLE = re.compile(r"^(title:\s*)(.+)$")
_WORDS = ("revidert", "rullert", "oppdatert", "forenklet", "samordnet", "utvidet", "tematisk")


def templates(source: Path = BUNDLED) -> list[tuple[str, str]]:
    """(id, text) of every plan file of the source register, sorted by file name."""
    return [(path.stem, path.read_text(encoding="utf-8")) for path in sorted((source / "plans").glob("*.yaml"))]


def copy_plan(text: str, copy: int, ids: set[str], rng: random.Random) -> str:
    """Copy ``copy`` of a plan file: ids and plan references suffixed, the title varied."""
    if copy == 0:
        return text

    def suffixed(plan_id: str) -> str:
        return f"{plan_id}-{copy}" if plan_id in ids else plan_id

    lines = []
    in_supersedes = False
    for line in text.splitlines():
        if line.startswith("supersedes:"):
            in_supersedes = True
        elif line and not line.startswith((" ", "-", "#")):
            in_supersedes = False
        reference = _ID_LINE.match(line) or _REF_KEY.match(line) or (in_supersedes and _LIST_ITEM.match(line))
        if reference:
            line = f"{reference[1]}{suffixed(reference[2])}{reference[3]}"
        elif match := _TITLE.match(line):
            title = match[2]
            if not title.startswith(("'", '"', ">", "|")):
                line = f"{match[1]}{title} ({rng.choice(_WORDS)} {copy})"
        lines.append(line)
    return "\n".join(lines) + "\n"


def generate(size: int, target: Path, source: Path = BUNDLED, seed: int = 2024) -> list[Path]:
    """Write a register of ``size`` plan files into ``target``; returns the plan paths, sorted."""
    plans = templates(source)
    if not plans:
        raise SystemExit(f"no plan files in {source / 'plans'}")
    ids = {plan_id for plan_id, _ in plans}
    rng = random.Random(seed)
    (target / "plans").mkdir(parents=True, exist_ok=True)
    for name in SHARED_FILES:
        if (source / name).exists():
            shutil.copyfile(source / name, target / name)
    written = []
    for number in range(size):
        copy, index = divmod(number, len(plans))
        plan_id, text = plans[index]
        name = plan_id if copy == 0 else f"{plan_id}-{copy}"
        path = target / "plans" / f"{name}.yaml"
        path.write_text(copy_plan(text, copy, ids, rng), encoding="utf-8")
        written.append(path)
    return sorted(written)


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def diff_scenario(size: int, repo: Path) -> tuple[str, str]:
    """A git repository whose ``data/`` is a register of ``size`` plan files (``generate``), committed,
    then 10 of them changed: 3 edited, 2 renamed, 2 added, 2 deleted, and the plan 2 others are part
    of given another title. The change is committed too and left in the working tree, so both
    ``diff BASE`` (against the working tree) and ``diff BASE HEAD`` see it. Returns (BASE, HEAD)."""
    register = repo / "data"
    paths = generate(size, register)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "register")
    pick = random.Random(size).sample(paths[len(paths) // 2 :], 9)
    for path in pick[:3]:  # edited: status and title
        text = path.read_text(encoding="utf-8").replace("status: gjeldende", "status: under_revisjon", 1)
        path.write_text(text.replace("title: ", "title: Endret ", 1), encoding="utf-8")
    for path in pick[3:5]:  # renamed, id and file
        text = path.read_text(encoding="utf-8")
        path.unlink()
        new_id = f"{path.stem}-ny"
        (path.parent / f"{new_id}.yaml").write_text(text.replace(f"id: {path.stem}", f"id: {new_id}", 1), "utf-8")
    for index, path in enumerate(pick[5:7]):  # added: a copy of another plan under a new id
        new_id = f"ny-plan-{index}"
        text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: {new_id}", 1)
        (path.parent / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    for path in pick[7:9]:  # deleted
        path.unlink()
    # beredskapsplan is the plan others are part of (part_of), in every copy of the bundled plans
    referenced = next(p for p in paths if p.stem.split("-")[0] == "beredskapsplan" and p not in pick)
    text = referenced.read_text(encoding="utf-8")
    referenced.write_text(text.replace("title: ", "title: Revidert ", 1), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "10 files changed")
    _git(repo, "reset", "-q", "--soft", "HEAD~1")  # the working tree and index keep the change
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD@{1}"], cwd=repo, capture_output=True, text=True, check=True)
    return base.stdout.strip(), head.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="number of plan files")
    parser.add_argument("target", type=Path, help="folder to write the register into")
    parser.add_argument("--source", type=Path, default=BUNDLED, help="register whose plans are the templates")
    args = parser.parse_args(argv)
    generate(args.size, args.target, args.source)
    print(f"{args.size} plan files in {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
