"""What the council and the public read: ``calendar``, the plan overview as an iCalendar feed, and
``site``, the plan overview as a static web site (``render.site``) written into a folder.

``site`` refuses a register with errors (it prints the problems as ``validate`` does, exit 1, and
writes nothing), and a folder that is not empty unless ``--force``; even then it replaces only the
files its manifest (``.planstrategi-site``) says it wrote there.

The command loads the register, picks the plans (``--owner``), asks ``render.ics`` for the events
and writes the feed to standard output or, through ``safeio``, to ``--output`` (never over a file
without ``--force``). It is a report: exit 0 whatever it finds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from planstrategi.commands.options import (
    AsOfOption,
    DataOption,
    ForceOption,
    LangOption,
    OutputOption,
    UsageError,
    deliver,
    today,
    use_language,
)
from planstrategi.commands.questions import OwnerOption, load_register, parse_filters
from planstrategi.i18n import later, t


def calendar(
    owner: OwnerOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Kalender / revision targets, legal deadlines and planned decisions as an iCalendar feed."""
    use_language(lang)
    from planstrategi.render import ics
    from planstrategi.rules import query

    date = today(as_of)
    register = load_register(data)
    chosen = parse_filters(register, owner=owner)
    plans = query.select(register, chosen, include_retired=False)
    feed = ics.render(
        ics.events(register, plans, date, filtered=chosen.given() != {}), name=ics.calendar_name(register), as_of=date
    )
    deliver(feed, output, force)


#: The list of files ``site`` wrote, kept in the site's folder: ``--force`` replaces only these.
MANIFEST = ".planstrategi-site"


def site(
    output: Annotated[
        Path, typer.Option("--output", "-o", help=later("opt.site-output"), metavar=later("metavar.folder"))
    ],
    public: Annotated[bool, typer.Option("--public/--internal", help=later("opt.audience"))] = True,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help=later("opt.base-url"))] = None,
    term: Annotated[Optional[int], typer.Option("--term", min=1900, max=2100, help=later("opt.term"))] = None,
    force: ForceOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Nettsted / the plan overview as a static web site, with planer.ics."""
    use_language(lang)
    from planstrategi.commands.questions import table_years
    from planstrategi.model.problems import has_errors
    from planstrategi.render import problems as render_problems
    from planstrategi.render import safety
    from planstrategi.render import site as render_site
    from planstrategi.rules import terms
    from planstrategi.store import register as reg

    if base_url is not None and not (safety.link(base_url) or "").lower().startswith(("http://", "https://")):
        raise UsageError(t("site.bad-base-url", url=safety.terminal(base_url)))
    date = today(as_of)
    years = table_years(term, None, None, True, date)
    loaded = reg.load(reg.resolve_root(data), as_of=date)
    problems = loaded.sorted_problems()
    if has_errors(problems, strict=False):  # a public page from a broken register would mislead
        typer.echo(render_problems.RENDERERS["text"](problems, loaded.files), nl=False)
        raise UsageError(t("site.invalid"), code=1)
    audience = "public" if public else "internal"
    files = render_site.files(loaded, date, terms.term_of_year(years[0]), audience=audience, base_url=base_url)
    _write_site(output, files, force)
    typer.echo(t("site.written", path=safety.file_name(str(output)), count=len(files)), err=True)


def _write_site(root: Path, files: dict[str, str | bytes], force: bool) -> None:
    """All the files into ``root`` through ``safeio``, with the manifest; the files of the last run
    that this one no longer has are removed. Refuses a folder with anything ``site`` did not write."""
    from planstrategi.commands.review import write_error
    from planstrategi.render import safety
    from planstrategi.store import safeio

    previous = _manifest(root)
    if root.exists() and any(root.iterdir()):
        if not force:
            raise UsageError(t("site.not-empty", path=safety.file_name(str(root))), code=1)
        if previous is None:
            raise UsageError(t("site.not-ours", path=safety.file_name(str(root / MANIFEST))), code=1)
        for relative in files:
            if relative not in previous and (root / relative).exists():
                raise UsageError(t("site.not-ours", path=safety.file_name(str(root / relative))), code=1)
    texts = {relative: body for relative, body in files.items() if isinstance(body, str)}
    texts[MANIFEST] = "".join(f"{relative}\n" for relative in sorted(files))
    try:
        safeio.write_all(root, texts, force=force)
        for relative, body in files.items():
            if isinstance(body, bytes):  # the calendar keeps its CRLF line ends
                safeio.write_bytes(root, relative, body, force=force)
        for relative in sorted(set(previous or ()) - set(files)):
            path = safeio.target(root, relative)
            if path.is_file():
                path.unlink()
    except safeio.UnsafeWrite as exc:
        raise write_error(exc) from None


def _manifest(root: Path) -> set[str] | None:
    """The files the last ``site`` run wrote into ``root``, or None when it has no manifest."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return {line for line in text.splitlines() if line and not line.startswith("/") and ".." not in line.split("/")}
