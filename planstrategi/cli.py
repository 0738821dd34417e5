"""The Typer app: registers the commands and turns the project's own errors into messages.

Exit codes: 0 ok, 1 problems in the data (or, with --fail-if-overdue, plans overdue), 2 usage.
The language is chosen from the arguments before Click parses them (see ``commands/options.py``),
so help, Click's errors and the commands' output all speak it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError

if TYPE_CHECKING:  # typer vendors click and no longer installs it, so `import click` fails in a fresh install
    from typer import _click as click

from planstrategi import __version__, i18n
from planstrategi.commands import (
    authoring,
    completion,
    health,
    importing,
    intelligence,
    publish,
    questions,
    record,
    remind,
    review,
    rollforward,
)
from planstrategi.commands.localized import Command, Group, LocalizedError, localize
from planstrategi.commands.options import LangOption, UsageError, choose_language
from planstrategi.i18n import later, t


class _Group(Group):
    """The one top-level handler: a usage error or a missing register becomes a line on stderr."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        try:
            i18n.set_language(choose_language(args))
        except UsageError as exc:
            typer.echo(f"planstrategi: {exc.message}", err=True)
            sys.exit(exc.code)
        localize(self)
        return super().main(args, *rest, **extra)

    def make_context(self, *args: Any, **extra: Any) -> click.Context:
        try:
            return super().make_context(*args, **extra)
        except NoArgsIsHelpError:
            raise
        except ClickException as exc:
            raise LocalizedError(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        from planstrategi.rules.terms import YearOutOfRange
        from planstrategi.store.register import RegisterNotFound

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            typer.echo(f"planstrategi: {exc.message}", err=True)
            ctx.exit(exc.code)
        except RegisterNotFound as exc:
            typer.echo(f"planstrategi: {exc.message}", err=True)
            ctx.exit(2)
        except YearOutOfRange as exc:
            typer.echo(f"planstrategi: {t('year-out-of-range', year=exc.year, low=exc.low, high=exc.high)}", err=True)
            ctx.exit(2)
        except typer.Abort:
            typer.echo(t("click.aborted"), err=True)
            ctx.exit(1)
        except (NoArgsIsHelpError, LocalizedError):
            raise
        except ClickException as exc:
            raise LocalizedError(exc) from None


app = typer.Typer(
    cls=_Group,
    help=later("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planstrategi {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help=later("help.version")),
    ] = None,
    lang: LangOption = None,  # read before parsing (_Group.main); here so that it may precede the command
) -> None:
    """Kommunens planer, strategier og reglementer som et register i git."""


# In the order a planner meets them in `planstrategi --help`: the questions, the register's health,
# planning intelligence, review, and writing files.
app.command("due", cls=Command, help=later("help.due"))(questions.due)
app.command("overdue", cls=Command, help=later("help.overdue"))(questions.overdue)
app.command("table", cls=Command, help=later("help.table"))(questions.table)
app.command("list", cls=Command, help=later("help.list"))(questions.list_plans)
app.command("show", cls=Command, help=later("help.show"))(questions.show)
app.command("validate", cls=Command, help=later("help.validate"))(health.validate)
app.command("requirements", cls=Command, help=later("help.requirements"))(intelligence.requirements)
app.command("workload", cls=Command, help=later("help.workload"))(intelligence.workload)
app.command("coordination", cls=Command, help=later("help.coordination"))(intelligence.coordination)
app.command("report", cls=Command, help=later("help.report"))(intelligence.report)
app.command("calendar", cls=Command, help=later("help.calendar"))(publish.calendar)
app.command("site", cls=Command, help=later("help.site"))(publish.site)
app.command("review", cls=Command, help=later("help.review"))(rollforward.review)
app.command("diff", cls=Command, help=later("help.diff"))(review.diff)
app.command("schema", cls=Command, help=later("help.schema"))(review.schema)
app.command("new", cls=Command, help=later("help.new"))(authoring.new)
app.command("init", cls=Command, help=later("help.init"))(authoring.init)
app.command("import", cls=Command, help=later("help.import"))(importing.import_plans)
app.command("upgrade", cls=Command, help=later("help.upgrade"))(authoring.upgrade)
app.command("record", cls=Command, help=later("help.record"))(record.record)
app.command("remind", cls=Command, help=later("help.remind"))(remind.remind)
app.command("completion", cls=Command, help=later("help.completion"))(completion.completion)


def main() -> None:
    """Entry point of the ``planstrategi`` console script."""
    completion.prepare()  # only when a shell is asking for completions
    app()
