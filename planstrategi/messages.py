"""Every user-facing string, in Norwegian bokmål (``nb``, the default) and English (``en``).

Code asks for a message by key with ``t("key", name=value)``; nothing else in the package writes
prose for the user. The language comes from ``--lang``, else ``PLANSTRATEGI_LANG``, else ``nb``.
Add a key here in both languages; ``tests/test_messages.py`` checks that every key has both and
that their placeholders agree.
"""

from __future__ import annotations

import os

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
_language: str | None = None

CATALOGUE: dict[str, dict[str, str]] = {
    # --- reading files -------------------------------------------------------------------------
    "too-large": {
        "nb": "filen er {size} byte; grensen er {limit} byte. Del den opp, eller sjekk at det er riktig fil",
        "en": "the file is {size} bytes; the limit is {limit} bytes. Split it, or check that it is the right file",
    },
    "nul-byte": {
        "nb": "filen inneholder en NUL-byte (binære data); lagre den som ren tekst i UTF-8",
        "en": "the file contains a NUL byte (binary data); save it as plain UTF-8 text",
    },
    "encoding": {
        "nb": "filen er ikke gyldig UTF-8 (byte {byte}); lagre den som UTF-8 («Lagre som … UTF-8»)",
        "en": "the file is not valid UTF-8 (byte {byte}); save it as UTF-8 (e.g. 'Save as … UTF-8')",
    },
    "empty-file": {
        "nb": "filen er tom; fyll inn feltene (se README) eller slett filen",
        "en": "the file is empty; fill in the fields (see the README) or delete the file",
    },
    "multiple-documents": {
        "nb": "filen har flere YAML-dokumenter (skilt med ---); ha ett dokument per fil",
        "en": "the file holds several YAML documents (separated by ---); keep one document per file",
    },
    "not-a-mapping": {
        "nb": "filen skal inneholde felt på formen «nøkkel: verdi», men inneholder {actual}",
        "en": "the file should hold fields of the form 'key: value', but holds {actual}",
    },
    "tab": {
        "nb": "tabulator brukt som innrykk; YAML krever mellomrom",
        "en": "a tab is used for indentation; YAML requires spaces",
    },
    "yaml-syntax": {
        "nb": "YAML-syntaksfeil: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "too-deep": {
        "nb": "strukturen er nøstet for dypt (over {limit} nivåer)",
        "en": "the structure is nested too deeply (over {limit} levels)",
    },
    "too-many-aliases": {
        "nb": "filen bruker over {limit} YAML-aliaser (*navn); skriv verdiene ut i stedet",
        "en": "the file uses more than {limit} YAML aliases (*name); write the values out instead",
    },
    "unknown-tag": {
        "nb": "YAML-taggen «{tag}» er ikke tillatt; fjern den",
        "en": "the YAML tag '{tag}' is not allowed; remove it",
    },
    "duplicate-key": {
        "nb": "nøkkelen «{key}» står to ganger (første gang på linje {first}); "
        "YAML ville i det stille beholdt bare den siste",
        "en": "the key '{key}' appears twice (first on line {first}); YAML would silently keep only the last",
    },
    "truthy": {
        "nb": '«{value}» leses som sannhetsverdien {meaning} av YAML 1.1; skriv "{value}" i anførselstegn '
        "hvis du mener teksten, eller true/false",
        "en": "'{value}' is read as the boolean {meaning} by YAML 1.1; write \"{value}\" in quotes "
        "if you mean the text, or true/false",
    },
    "sexagesimal": {
        "nb": '«{value}» leses som tallet {number} av YAML 1.1 (sekstitallsystem); skriv "{value}" i anførselstegn',
        "en": "'{value}' is read as the number {number} by YAML 1.1 (base 60); write \"{value}\" in quotes",
    },
    "octal": {
        "nb": '«{value}» leses som tallet {number} av YAML 1.1 (oktalt, ledende null); skriv "{value}" i anførselstegn',
        "en": "'{value}' is read as the number {number} by YAML 1.1 (octal, leading zero); write \"{value}\" in quotes",
    },
    "outside-data": {
        "nb": "filen peker ut av registermappen (symbolsk lenke); den leses ikke",
        "en": "the file points outside the register folder (symbolic link); it is not read",
    },
    "unreadable": {
        "nb": "filen kan ikke leses: {reason}",
        "en": "the file cannot be read: {reason}",
    },
    # --- model checks --------------------------------------------------------------------------
    "unknown-key": {
        "nb": "ukjent felt «{key}»{hint}",
        "en": "unknown field '{key}'{hint}",
    },
    "did-you-mean": {"nb": "; mente du «{name}»?", "en": "; did you mean '{name}'?"},
    "allowed-fields": {"nb": "; tillatte felt: {names}", "en": "; allowed fields: {names}"},
    "missing-key": {
        "nb": "mangler det påkrevde feltet «{key}»",
        "en": "the required field '{key}' is missing",
    },
    "wrong-type": {
        "nb": "«{key}» skal være {expected}, men er {actual}",
        "en": "'{key}' should be {expected}, but is {actual}",
    },
    "invalid-value": {
        "nb": "«{key}» har en ugyldig verdi {value}: {why}",
        "en": "'{key}' has an invalid value {value}: {why}",
    },
    "year-range": {
        "nb": "«{key}» er {value}, men årstall må ligge mellom {low} og {high}; sjekk for skrivefeil",
        "en": "'{key}' is {value}, but years must lie between {low} and {high}; check for a typo",
    },
    "date-as-year": {
        "nb": "«{key}» leses som datoen {value}, men her skal det stå et årstall; skriv {year}",
        "en": "'{key}' is read as the date {value}, but a year is expected here; write {year}",
    },
    "hint.quote": {"nb": '; skriv "{value}" i anførselstegn', "en": '; write "{value}" in quotes'},
    "type.text": {"nb": "tekst", "en": "text"},
    "type.int": {"nb": "et heltall", "en": "a whole number"},
    "type.number": {"nb": "et tall", "en": "a number"},
    "type.bool": {"nb": "true eller false", "en": "true or false"},
    "type.list": {"nb": "en liste (linjer som starter med «- »)", "en": "a list (lines starting with '- ')"},
    "type.mapping": {"nb": "felt på formen «nøkkel: verdi»", "en": "fields of the form 'key: value'"},
    "type.date": {"nb": "en dato (ÅÅÅÅ-MM-DD)", "en": "a date (YYYY-MM-DD)"},
    "type.year-or-date": {"nb": "et årstall eller en dato (ÅÅÅÅ-MM-DD)", "en": "a year or a date (YYYY-MM-DD)"},
    "type.empty": {"nb": "tom", "en": "empty"},
    "type.other": {"nb": "noe annet", "en": "something else"},
    "why.slug": {
        "nb": "bruk små bokstaver a–z, tall og bindestrek, f.eks. «klima-og-energiplan»",
        "en": "use lower-case letters a–z, digits and hyphens, e.g. 'klima-og-energiplan'",
    },
    "why.municipality": {
        "nb": 'kommunenummer er fire sifre i anførselstegn, f.eks. "3430"',
        "en": 'a municipality number is four digits in quotes, e.g. "3430"',
    },
    "why.case": {
        "nb": 'saksnummer skrives som løpenummer/år, f.eks. "41/17"',
        "en": 'a case number is written as number/year, e.g. "41/17"',
    },
    "why.link": {
        "nb": "lenker må begynne med http://, https:// eller mailto:",
        "en": "links must begin with http://, https:// or mailto:",
    },
    "why.enum": {"nb": "tillatte verdier: {allowed}", "en": "allowed values: {allowed}"},
    "why.empty": {"nb": "teksten kan ikke være tom", "en": "the text cannot be empty"},
    "why.too-short": {"nb": "må ha minst {min} element", "en": "must have at least {min} item(s)"},
    "why.range": {"nb": "må ligge mellom {low} og {high}", "en": "must lie between {low} and {high}"},
    "why.other": {"nb": "{detail}", "en": "{detail}"},
    # --- cross-file checks ---------------------------------------------------------------------
    "id-mismatch": {
        "nb": "id «{id}» er ikke lik filnavnet «{stem}»; gi filen navnet {id}.yaml eller sett id: {stem}",
        "en": "id '{id}' differs from the file name '{stem}'; rename the file to {id}.yaml or set id: {stem}",
    },
    "duplicate-id": {
        "nb": "id «{id}» er også brukt i {other}; hver plan må ha sin egen id",
        "en": "id '{id}' is also used in {other}; every plan needs its own id",
    },
    "duplicate-goals": {
        "nb": "målene for «{id}» står også i {other}; ha én målfil per plan",
        "en": "the goals of '{id}' are also in {other}; keep one goals file per plan",
    },
    "unknown-plan": {
        "nb": "«{key}» viser til planen «{id}», som ikke finnes i data/plans/{hint}",
        "en": "'{key}' refers to the plan '{id}', which is not in data/plans/{hint}",
    },
    "unknown-municipality": {
        "nb": "kommunenummer «{number}» finnes ikke i data/municipalities.yaml; legg kommunen til der",
        "en": "municipality number '{number}' is not in data/municipalities.yaml; add the municipality there",
    },
    "unknown-category": {
        "nb": "gruppen «{id}» finnes ikke i data/categories.yaml{hint}",
        "en": "the group '{id}' is not in data/categories.yaml{hint}",
    },
    "unknown-requirement": {
        "nb": "kravet «{id}» finnes ikke i data/requirements.yaml{hint}",
        "en": "the requirement '{id}' is not in data/requirements.yaml{hint}",
    },
    "duplicate-requirement": {
        "nb": "kravet «{id}» står to ganger i requirements.yaml; hvert krav må ha sin egen id",
        "en": "the requirement '{id}' appears twice in requirements.yaml; every requirement needs its own id",
    },
    "missing-file": {
        "nb": "filen mangler; registeret trenger {name}",
        "en": "the file is missing; the register needs {name}",
    },
    "expired-unplanned": {
        "nb": "gyldigheten gikk ut i {year}, og ingen revisjon er planlagt; legg til en revisjon eller sett status",
        "en": "its validity ran out in {year} and no revision is planned; add a revision or set the status",
    },
    # --- command line --------------------------------------------------------------------------
    "no-register": {
        "nb": "fant ikke registeret «{path}»; oppgi mappen med --data eller PLANSTRATEGI_DATA",
        "en": "could not find the register '{path}'; give its folder with --data or PLANSTRATEGI_DATA",
    },
    "bad-language": {
        "nb": "ukjent språk «{lang}»; velg nb eller en",
        "en": "unknown language '{lang}'; choose nb or en",
    },
    "summary.ok": {
        "nb": "{files} filer kontrollert, ingen feil",
        "en": "{files} files checked, no problems",
    },
    "summary.problems": {
        "nb": "{files} filer kontrollert: {errors} feil, {warnings} advarsler",
        "en": "{files} files checked: {errors} errors, {warnings} warnings",
    },
    "severity.error": {"nb": "feil", "en": "error"},
    "severity.warning": {"nb": "advarsel", "en": "warning"},
    "help.app": {
        "nb": "Kommunens planer, strategier og reglementer som et register i git.",
        "en": "A municipality's plans, strategies and regulations kept as a register in git.",
    },
    "help.validate": {
        "nb": "Kontroller alle filene i registeret og rapporter hver feil med fil, linje og kolonne.",
        "en": "Check every file of the register and report each problem with file, line and column.",
    },
}


def set_language(lang: str | None) -> None:
    """Choose the language for the rest of the run (the CLI does this once)."""
    global _language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(lang)
    _language = lang


def language() -> str:
    """The active language: set_language(), else PLANSTRATEGI_LANG, else Norwegian."""
    if _language is not None:
        return _language
    env = os.environ.get("PLANSTRATEGI_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the active language, with ``params`` filled in."""
    return CATALOGUE[key][language()].format(**params)
