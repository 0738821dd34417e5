"""The Typer app: registers the commands and turns the project's own errors into messages.

Exit codes: 0 ok, 1 problems in the data (or, with --fail-if-overdue, plans overdue), 2 usage.
The language is chosen from the arguments before Click parses them (see ``commands/options.py``),
so help, Click's errors and the commands' output all speak it.

Start-up: a run imports and builds only the command it runs (``_Commands``): ``--help`` and shell
completion, which list them all, build them all. A question that succeeded ends without the
interpreter's clean-up (``main``), once its output is flushed.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError

if TYPE_CHECKING:  # typer vendors click and no longer installs it, so `import click` fails in a fresh install
    from typer import _click as click

from planstrategi import __version__, i18n
from planstrategi.commands import completion
from planstrategi.commands.localized import Command, Group, LocalizedError, localize
from planstrategi.commands.options import LangOption, UsageError, choose_language
from planstrategi.i18n import later, t

# In the order a planner meets them in `planstrategi --help`: the questions, the register's health,
# planning intelligence, review, and writing files. Each is the function of that name in
# planstrategi.commands.<module>; its help is the catalogue's help.<command>.
COMMANDS: dict[str, tuple[str, str]] = {
    "due": ("questions", "due"),
    "overdue": ("questions", "overdue"),
    "table": ("questions", "table"),
    "list": ("questions", "list_plans"),
    "show": ("questions", "show"),
    "validate": ("health", "validate"),
    "requirements": ("intelligence", "requirements"),
    "workload": ("intelligence", "workload"),
    "coordination": ("intelligence", "coordination"),
    "report": ("intelligence", "report"),
    "calendar": ("publish", "calendar"),
    "site": ("publish", "site"),
    "review": ("rollforward", "review"),
    "diff": ("review", "diff"),
    "schema": ("review", "schema"),
    "new": ("authoring", "new"),
    "init": ("authoring", "init"),
    "import": ("importing", "import_plans"),
    "upgrade": ("authoring", "upgrade"),
    "record": ("record", "record"),
    "remind": ("remind", "remind"),
    "completion": ("completion", "completion"),
}
#: The read-only questions: a run of one that succeeds skips the interpreter's clean-up (see main).
QUESTIONS = frozenset({"due", "overdue", "table", "list", "show"})


class _Commands(MutableMapping[str, "click.Command"]):
    """The group's commands by name, each imported and built (and put in the run's language) when
    first looked up: every name is listed, so help, completion and "did you mean" see them all."""

    def __init__(self, built: MutableMapping[str, click.Command]) -> None:
        self._built = dict(built)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = _build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self._built

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(1 for name in self._built if name not in COMMANDS)

    def built(self) -> list[click.Command]:
        return list(self._built.values())


def _build(name: str) -> click.Command:
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module, function = COMMANDS[name]
    callback = getattr(importlib.import_module(f"planstrategi.commands.{module}"), function)
    info = CommandInfo(name=name, cls=Command, help=later(f"help.{name}"), callback=callback)
    command = get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=None)
    localize(command)
    return command


class _Group(Group):
    """The one top-level handler: a usage error or a missing register becomes a line on stderr."""

    #: The command this run invoked, if it got that far (``main`` reads it).
    invoked: str | None = None

    def __init__(self, *args: Any, **extra: Any) -> None:
        super().__init__(*args, **extra)
        self.commands = _Commands(self.commands)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        _Group.invoked = name
        return name, command, rest

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


def main() -> None:
    """Entry point of the ``planstrategi`` console script.

    A read-only question that succeeded ends with ``os._exit(0)`` once stdout and stderr are
    flushed: nothing is left to clean up (no file open for writing, no child process), and the
    interpreter's own clean-up of every module and object costs as much as the answer. Any other
    command, any other exit code, or a flush that fails, exits the ordinary way. (Tests run the app
    in-process through Typer's CliRunner, which never comes here.)
    """
    completion.prepare()  # only when a shell is asking for completions
    try:
        app()
    except SystemExit as done:
        if done.code in (0, None) and _Group.invoked in QUESTIONS and _flushed():
            os._exit(0)
        raise


def _flushed() -> bool:
    """Flush stdout and stderr; False if either fails (a closed pipe) or is not the process's own."""
    if sys.stdout is not sys.__stdout__ or sys.stderr is not sys.__stderr__:
        return False
    out, err = sys.stdout, sys.stderr
    if out is None or err is None:
        return False
    try:
        out.flush()
        err.flush()
    except (OSError, ValueError):
        return False
    return True
