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
import random
import re
import shutil
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
