"""``planstrategi validate``: check every file and report every problem."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from planstrategi.commands.options import AsOfOption, DataOption, LangOption, today, use_language


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    data: DataOption = None,
    output_format: Annotated[
        ProblemFormat, typer.Option("--format", help="text, json or github (GitHub Actions annotations).")
    ] = ProblemFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Advarsler gir også exit 1 / warnings fail too.")] = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Kontroller alle filene i registeret / check every file of the register.

    Prints ``path:line:col: error: message [code]`` for each problem. Exit 0 when the register is
    valid, 1 when there are problems (warnings only with --strict), 2 on a usage error.
    """
    use_language(lang)
    from planstrategi import register as reg
    from planstrategi.problems import has_errors
    from planstrategi.render import problems as render

    loaded = reg.load(reg.resolve_root(data), as_of=today(as_of))
    problems = loaded.sorted_problems()
    typer.echo(render.RENDERERS[output_format.value](problems, loaded.files), nl=False)
    raise typer.Exit(1 if has_errors(problems, strict=strict) else 0)
