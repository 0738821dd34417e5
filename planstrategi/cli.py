"""The Typer app: registers the commands and turns the project's own errors into messages.

Exit codes: 0 ok, 1 problems in the data (or, with --fail-if-overdue, plans overdue), 2 usage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:  # typer vendors click and no longer installs it, so `import click` fails in a fresh install
    from typer import _click as click

from planstrategi import __version__
from planstrategi.commands import (
    authoring,
    health,
    intelligence,
    publish,
    questions,
    record,
    remind,
    review,
    rollforward,
)
from planstrategi.commands.options import UsageError
from planstrategi.i18n import t


class _Group(TyperGroup):
    """The one top-level handler: a usage error or a missing register becomes a line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        from planstrategi.store.register import RegisterNotFound

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            typer.echo(f"planstrategi: {exc.message}", err=True)
            ctx.exit(exc.code)
        except RegisterNotFound as exc:
            typer.echo(f"planstrategi: {t('no-register', path=exc.path)}", err=True)
            ctx.exit(2)


app = typer.Typer(
    cls=_Group,
    help=t("help.app"),
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
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.version")),
    ] = None,
) -> None:
    """Kommunens planer, strategier og reglementer som et register i git."""


# In the order a planner meets them in `planstrategi --help`: the questions, the register's health,
# planning intelligence, review, and writing files.
app.command("due", help=t("help.due"))(questions.due)
app.command("overdue", help=t("help.overdue"))(questions.overdue)
app.command("table", help=t("help.table"))(questions.table)
app.command("list", help=t("help.list"))(questions.list_plans)
app.command("show", help=t("help.show"))(questions.show)
app.command("validate", help=t("help.validate"))(health.validate)
app.command("requirements", help=t("help.requirements"))(intelligence.requirements)
app.command("workload", help=t("help.workload"))(intelligence.workload)
app.command("coordination", help=t("help.coordination"))(intelligence.coordination)
app.command("report", help=t("help.report"))(intelligence.report)
app.command("calendar", help=t("help.calendar"))(publish.calendar)
app.command("review", help=t("help.review"))(rollforward.review)
app.command("diff", help=t("help.diff"))(review.diff)
app.command("schema", help=t("help.schema"))(review.schema)
app.command("new", help=t("help.new"))(authoring.new)
app.command("init", help=t("help.init"))(authoring.init)
app.command("import", help=t("help.import"))(authoring.import_plans)
app.command("upgrade", help=t("help.upgrade"))(authoring.upgrade)
app.command("record", help=t("help.record"))(record.record)
app.command("remind", help=t("help.remind"))(remind.remind)


def main() -> None:
    """Entry point of the ``planstrategi`` console script."""
    app()
