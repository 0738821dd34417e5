"""Typer's and its vendored Click's own words in the user's language: the usage line, the section
headings, each option's record (type, default, range, required), the help option, and the errors.

The vendored Click (``typer._click``) marks none of its strings for gettext, and Typer marks only a
few with the global ``gettext`` domain, whose language comes from the process environment; neither
can follow ``--lang``. So the command classes below write these parts themselves, from the catalogue,
and a usage error is re-raised as one that shows itself translated. Help texts are given to Typer as
:func:`planstrategi.i18n.later` keys and resolved by :func:`localize` once the language is known.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

import typer
from typer._click import exceptions as ce  # the vendored Click's errors (typer >= 0.29 installs no click)
from typer.core import TyperCommand, TyperGroup

from planstrategi.i18n import resolve, t

if TYPE_CHECKING:  # typer vendors click and no longer installs it, so `import click` fails in a fresh install
    from typer import _click as click

# Typer's type labels in an option's record (``--data <path>``), by what they are called in the catalogue.
_TYPE_LABELS = {
    "str": "click.type-text",
    "int": "click.type-number",
    "int range": "click.type-number",
    "path": "click.type-path",
}
_RANGE = re.compile(r"^(?:(?P<low>-?\d+)<=)?x(?:<=(?P<high>-?\d+)|>=(?P<min>-?\d+))?$")


def localize(command: click.Command) -> None:
    """Put every help text, metavar and usage word of ``command`` (and its subcommands) in the active language."""
    command.help = resolve(command.help)
    command.short_help = resolve(command.short_help)
    command.options_metavar = t("click.options-metavar")
    for param in command.params:
        param.help = resolve(getattr(param, "help", None))  # type: ignore[attr-defined]
        param.metavar = resolve(param.metavar)
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = t("click.command-metavar")
        # cli._Commands builds (and localizes) each command when first looked up: only those built already
        built = getattr(command.commands, "built", None)
        for sub in built() if built is not None else command.commands.values():
            localize(sub)


def _extra(item: str) -> str:
    """One item of an option's ``[default: table; 1900<=x<=2100; required]``, translated."""
    if item.startswith("default: "):
        return t("click.default", value=item.removeprefix("default: "))
    if item == "required":
        return t("click.required")
    match = _RANGE.match(item)
    if match and match["low"] is not None and match["high"] is not None:
        return t("click.range", low=match["low"], high=match["high"])
    if match and match["min"] is not None:
        return t("click.at-least", low=match["min"])
    if match and match["high"] is not None:
        return t("click.at-most", high=match["high"])
    return item


def _record(param: click.Parameter, record: tuple[str, str]) -> tuple[str, str]:
    name, text = record
    label = re.search(r" <([^<>]*)>$", name)
    if label and label[1] in _TYPE_LABELS:
        name = f"{name[: label.start()]} <{t(_TYPE_LABELS[label[1]])}>"
    own = getattr(param, "help", None) or ""
    suffix = text[len(own) :].strip() if text.startswith(own) else ""
    if suffix.startswith("[") and suffix.endswith("]"):
        extras = "; ".join(_extra(item) for item in suffix[1:-1].split("; "))
        text = f"{own}  [{extras}]" if own else f"[{extras}]"
    return name, text


class _Localized:
    """What a command and the group share: usage line, option records, help option."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("click.usage") + " ")

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("click.help-option")
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                sections[param.param_type_name].append(_record(param, record))
        for kind, heading in (("argument", "click.arguments"), ("option", "click.options")):
            if sections[kind]:
                with formatter.section(t(heading)):
                    formatter.write_dl(sections[kind])


class Command(_Localized, TyperCommand):
    """A command whose help and errors are in the user's language."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)


class Group(_Localized, TyperGroup):
    """The top-level group: its own help in the user's language, and the commands list."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        quicken(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in commands if command is not None and not command.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            with formatter.section(t("click.commands")):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in shown])


# --- errors ------------------------------------------------------------------------------------

_PYDANTIC = [  # Typer checks values with pydantic; its first error's wording, as the catalogue says it
    (re.compile(r"^Input should be less than or equal to (?P<high>-?\d+)$"), "click.too-high"),
    (re.compile(r"^Input should be greater than or equal to (?P<low>-?\d+)$"), "click.too-low"),
    (re.compile(r"^Input should be a valid integer.*$"), "click.not-a-number"),
    (re.compile(r"^(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.*)\.$"), "click.not-one-of"),
]


def _value_problem(message: str) -> str:
    for pattern, key in _PYDANTIC:
        match = pattern.match(message)
        if match:
            found = {
                name: ", ".join(v.strip(" '") for v in value.split(",")) for name, value in match.groupdict().items()
            }
            return t(key, **found)
    return message.removeprefix("Value error, ")


def _param_name(param: click.Parameter | None, hint: object) -> str:
    if param is not None and param.param_type_name == "option":
        return " / ".join(param.opts)
    if param is not None:
        return str(getattr(param, "display_name_raw", param.name))
    return str(hint or "")


def message(error: click.ClickException) -> str:
    """The text of a Click error in the active language."""
    if isinstance(error, ce.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        key = {"option": "click.missing-option", "argument": "click.missing-argument"}.get(kind, "click.missing")
        return t(key, name=_param_name(error.param, error.param_hint))
    if isinstance(error, ce.BadParameter):
        name = _param_name(error.param, error.param_hint)
        return t("click.invalid-value", name=name, problem=_value_problem(error.message))
    if isinstance(error, ce.NoSuchOption):
        text = t("click.no-such-option", option=error.option_name)
        if error.possibilities:
            text += " " + t("click.did-you-mean", names=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, ce.BadOptionUsage):
        takes = "does not take a value" in error.message
        return t("click.option-takes-no-value" if takes else "click.option-needs-value", option=error.option_name)
    extra = re.match(r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$", error.message)
    if extra:
        return t("click.extra-arguments", args=extra["args"])
    command = re.match(r"^No such command '(?P<name>.*?)'\.(?: Did you mean (?P<names>.*)\?)?$", error.message)
    if command:
        text = t("click.no-such-command", name=command["name"])
        return text + (" " + t("click.did-you-mean", names=command["names"]) if command["names"] else "")
    if error.message == "Missing command.":
        return t("click.missing-command")
    return error.format_message()


class LocalizedError(ce.UsageError):
    """A Click usage error shown in the user's language: usage line, where to get help, and the error."""

    def __init__(self, error: click.ClickException) -> None:
        super().__init__(message(error), ctx=getattr(error, "ctx", None))
        self.exit_code = error.exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = t("click.try-help", command=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n"
            typer.echo(f"{ctx.get_usage()}\n{hint}", err=True)
        typer.echo(t("click.error", message=self.message), err=True)


# --- values without pydantic -----------------------------------------------------------------------

#: Typer versions whose coercion ``_Quick`` knows (it repeats what their adapters do for common values).
_QUICK_TYPER = ("0.29.",)
_MISS = object()
_DIGITS = re.compile(r"[0-9]{1,9}")


class _Quick:
    """Typer 0.29's coercion of one parameter without pydantic for the values that need none.

    Typer 0.29 builds a pydantic ``TypeAdapter`` for every parameter of the command that runs, given
    or not, and importing pydantic for that costs more than the rest of a question answered from the
    register cache. This does what those adapters do for a value not given, a number in range, a
    text, a path, a choice, a ``parser=`` option or a flag, and hands every other value (and every
    failure, so its message is Typer's own) to Typer's own coercion, built only then.
    """

    def __init__(self, param: Any) -> None:
        self.param = param
        self.real: Any = None

    def coerce(self, value: Any, param: Any, ctx: click.Context) -> Any:
        if value is None:  # as typer's RuntimeParam.coerce: nothing given, nothing to check
            return () if param.multiple or param.nargs == -1 else None
        if not (param.multiple or param.nargs != 1):
            try:
                quick = _quick_value(param.type_descriptor, value, param, ctx)
            except Exception:
                quick = _MISS
            if quick is not _MISS:
                return quick
        if self.real is None:
            from typer._coercion import build_runtime_param

            self.real = build_runtime_param(param.type_descriptor)
        return self.real.coerce(value, param=param, ctx=ctx)


def _quick_value(descriptor: Any, value: Any, param: Any, ctx: click.Context) -> Any:
    """The value Typer's adapter would give, or ``_MISS`` when it takes more than this knows."""
    from enum import Enum
    from pathlib import Path

    from typer._param_types import coerce_cli_choice, coerce_cli_path

    info, annotation = descriptor.parameter_info, descriptor.annotation
    if descriptor.file_annotation is not None:
        return _MISS
    if info.parser is not None:
        return info.parser(value)  # the adapter is a before-validator calling it on Any
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    if annotation is bool:
        return value if isinstance(value, bool) else _MISS
    if annotation is int and not info.clamp and isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
        low_ok = info.min is None or number >= info.min
        high_ok = info.max is None or number <= info.max
        return number if low_ok and high_ok else _MISS
    if annotation is str:
        return value if isinstance(value, str) else _MISS
    if annotation is Path and info.path_type is None and isinstance(value, str) and value and "\0" not in value:
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    return _MISS


def quicken(params: list[click.Parameter]) -> None:
    """Give each Typer parameter ``_Quick`` coercion, on the Typer versions it is written for."""
    if not typer.__version__.startswith(_QUICK_TYPER):
        return
    for param in params:
        if getattr(param, "_runtime_param", _MISS) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = _Quick(param)  # type: ignore[attr-defined]
