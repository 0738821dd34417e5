"""Shell completion: ``planstrategi completion bash|zsh|fish``, and what the Tab key offers.

Why a command rather than Typer's ``--install-completion``: a planner new to the terminal finds
it in ``planstrategi --help``, names the shell instead of relying on detection, and sees the
script before anything is changed; nothing is written to their shell's start-up files behind their
back. The README gives the one line to add for each shell.

The Tab key offers the commands and options (Click's own), and from the register the plan ids
(``show``), group ids (``--category``) and municipality numbers (``--municipality``,
``--partner``, with the name beside each where the shell shows one). Those are read cheaply: the
file names in ``plans/``, and two small files read by the strict reader, without validating
anything. A missing or broken register offers nothing and never prints a traceback.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from planstrategi.commands.options import LangOption, use_language
from planstrategi.i18n import later, t

if TYPE_CHECKING:
    from typer import _click as click

PROG = "planstrategi"
COMPLETE_VAR = "_PLANSTRATEGI_COMPLETE"

# zsh's compdef exists only once compinit has run; a ~/.zshrc without it would fail on every start.
_ZSH_PREAMBLE = "(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }\n"


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


def prepare() -> None:
    """Make Typer's shell classes known when a shell asks for completions (``_PLANSTRATEGI_COMPLETE``
    set); the app is built with ``add_completion=False``, which leaves them out otherwise."""
    if os.environ.get(COMPLETE_VAR):
        from typer._completion_classes import completion_init  # what add_completion=True would call

        completion_init()


def script(shell: Shell) -> str:
    """The completion script for ``shell``, headed by a comment saying how to use it."""
    from typer._completion_shared import get_completion_script  # Typer's own scripts for each shell

    body = get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell.value)
    header = "\n".join(f"# {line}" for line in t(f"completion.how-{shell.value}").splitlines())
    preamble = _ZSH_PREAMBLE if shell is Shell.ZSH else ""
    return f"{header}\n{preamble}{body}\n"


def completion(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help=later("opt.shell"), show_default=False)],
    lang: LangOption = None,
) -> None:
    """Skriptet for tab-fullføring / the shell completion script for bash, zsh or fish."""
    use_language(lang)
    typer.echo(script(shell), nl=False)


# --- what the Tab key offers ------------------------------------------------------------------


def _root(ctx: click.Context) -> Path | None:
    """The register the command line points at (its --data, the environment, or the walk), or None."""
    from planstrategi.store import discovery

    data = ctx.params.get("data")
    try:
        return discovery.resolve_root(Path(data) if data else None)
    except (discovery.RegisterNotFound, OSError):  # OSError: the working folder has been deleted
        return None


def _read(path: Path) -> Any:
    """The data of one small file, or None: the strict reader gives problems, not exceptions."""
    from planstrategi.store import yamlio

    try:
        return yamlio.read_document(path, str(path)).data
    except Exception:  # a completion runs on every Tab in the user's shell: it must never fail loudly
        return None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    listed = data.get(key) if isinstance(data, dict) else None
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []


def plan_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The plans' ids, from the file names in plans/ (nothing is read or validated)."""
    root = _root(ctx)
    if root is None:
        return []
    try:
        names = sorted(entry.name for entry in os.scandir(root / "plans") if entry.name.endswith(".yaml"))
    except OSError:
        return []
    return [name.removesuffix(".yaml") for name in names if name.startswith(incomplete)]


def group_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The group ids of categories.yaml, each with its name."""
    root = _root(ctx)
    if root is None:
        return []
    groups = _items(_read(root / "categories.yaml"), "categories")
    return [
        (str(g["id"]), str(g.get("name", "")))
        for g in groups
        if isinstance(g.get("id"), str) and str(g["id"]).startswith(incomplete)
    ]


def municipality_numbers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The municipality numbers of municipalities.yaml, each with the municipality's name."""
    root = _root(ctx)
    if root is None:
        return []
    municipalities = _items(_read(root / "municipalities.yaml"), "municipalities")
    return [
        (m["number"], str(m.get("name", "")))
        for m in municipalities
        if isinstance(m.get("number"), str) and m["number"].startswith(incomplete)
    ]
