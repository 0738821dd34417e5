"""Every user-facing string, keyed, in Norwegian bokmål (``nb``) and English (``en``).

Add a key here in both languages; ``tests/test_messages.py`` checks that every key has both and
that their placeholders agree. ``planstrategi.i18n`` looks them up.
"""

from __future__ import annotations

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
        "nb": "filen skal inneholde felt på formen «nøkkel: verdi», men inneholder {actual}; "
        "skriv feltene på øverste nivå, uten «- » foran",
        "en": "the file should hold fields of the form 'key: value', but holds {actual}; "
        "write the fields at the top level, without '- ' in front",
    },
    "control-char": {
        "nb": "filen inneholder det usynlige kontrolltegnet {char}, som YAML ikke tillater; slett det "
        "(det kommer ofte med når tekst kopieres fra Word eller PDF)",
        "en": "the file contains the invisible control character {char}, which YAML does not allow; delete it "
        "(it often comes along when text is copied from Word or a PDF)",
    },
    "not-a-file": {
        "nb": "dette er ikke en vanlig fil (men en mappe eller en spesialfil); flytt den ut av registeret",
        "en": "this is not a regular file (but a folder or a special file); move it out of the register",
    },
    "tab": {
        "nb": "tabulator brukt som innrykk; YAML krever mellomrom, så bytt tabulatoren ut med mellomrom",
        "en": "a tab is used for indentation; YAML requires spaces, so replace the tab with spaces",
    },
    "yaml-syntax": {
        "nb": "YAML-syntaksfeil: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "syntax.other": {
        "nb": "{detail}; sjekk innrykk, kolon og anførselstegn på denne linjen og linjen over",
        "en": "{detail}; check the indentation, colons and quotes on this line and the one above",
    },
    "syntax.colon": {
        "nb": "et kolon («: ») der YAML ikke venter det; sett tekst som inneholder «: » i anførselstegn, f.eks. "
        'title: "Plan: del 2", og sjekk at linjen ikke er rykket for langt inn',
        "en": "a colon (': ') where YAML does not expect one; put text that contains ': ' in quotes, e.g. "
        'title: "Plan: part 2", and check that the line is not indented too far',
    },
    "syntax.no-colon": {
        "nb": "en linje som verken er «nøkkel: verdi» eller «- verdi»; legg til kolon og mellomrom etter nøkkelen, "
        "eller flytt teksten inn i verdien over",
        "en": "a line that is neither 'key: value' nor '- value'; add a colon and a space after the key, "
        "or move the text into the value above",
    },
    "syntax.indent": {
        "nb": "innrykket stemmer ikke med linjene over; felt på samme nivå skal stå rett under hverandre, "
        "rykket inn med mellomrom",
        "en": "the indentation does not match the lines above; fields on the same level must line up, "
        "indented with spaces",
    },
    "syntax.flow": {
        "nb": "en liste i [ ] eller felt i {{ }} er ikke lukket; lukk den med ] eller }}, og skill verdiene med komma",
        "en": "a list in [ ] or fields in {{ }} are not closed; close them with ] or }}, and separate the values "
        "with commas",
    },
    "syntax.token": {
        "nb": "et tegn som ikke kan begynne en verdi (som @ eller `); sett verdien i anførselstegn",
        "en": "a character that cannot start a value (such as @ or `); put the value in quotes",
    },
    "syntax.content": {
        "nb": "et tegn som ikke kan stå her (som ] eller }}); sett verdien i anførselstegn, eller fjern tegnet",
        "en": "a character that cannot stand here (such as ] or }}); put the value in quotes, or remove it",
    },
    "syntax.alias": {
        "nb": "*navn viser til et anker &navn som ikke finnes; skriv verdien ut, eller sett teksten i anførselstegn",
        "en": "*name refers to an anchor &name that does not exist; write the value out, or put the text in quotes",
    },
    "syntax.anchor": {
        "nb": "samme anker (&navn) står to ganger; gi ankrene ulike navn",
        "en": "the same anchor (&name) appears twice; give the anchors different names",
    },
    "syntax.quote": {
        "nb": "et anførselstegn er ikke lukket; avslutt teksten med samme slags anførselstegn som den begynner med",
        "en": "a quotation mark is not closed; end the text with the same kind of quote it starts with",
    },
    "too-deep": {
        "nb": "strukturen er nøstet for dypt (over {limit} nivåer); sjekk innrykket og at hver [ og {{ er lukket",
        "en": "the structure is nested too deeply (over {limit} levels); check the indentation and that "
        "every [ and {{ is closed",
    },
    "recursive-alias": {
        "nb": "et YAML-alias (*navn) viser til strukturen det selv står i, så verdien blir uendelig; "
        "skriv verdien ut i stedet",
        "en": "a YAML alias (*name) refers to the structure it stands in, so the value never ends; "
        "write the value out instead",
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
        "YAML ville i det stille beholdt bare den siste, så slett eller rett den ene",
        "en": "the key '{key}' appears twice (first on line {first}); YAML would silently keep only the last, "
        "so delete or correct one of them",
    },
    "bad-scalar": {
        "nb": '«{value}» kan ikke leses som {what}; rett verdien, eller skriv "{value}" i anførselstegn '
        "hvis det er tekst",
        "en": "'{value}' cannot be read as {what}; correct it, or write \"{value}\" in quotes if it is text",
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
        "nb": "filen peker ut av registermappen (symbolsk lenke), så den leses ikke; kopier filen inn i "
        "registeret i stedet for å lenke til den",
        "en": "the file points outside the register folder (symbolic link), so it is not read; copy the file "
        "into the register instead of linking to it",
    },
    "unreadable": {
        "nb": "filen kan ikke leses ({reason}); sjekk at du har lesetilgang til den",
        "en": "the file cannot be read ({reason}); check that you may read it",
    },
    # --- model checks --------------------------------------------------------------------------
    "unknown-key": {
        "nb": "ukjent felt «{key}»{hint}",
        "en": "unknown field '{key}'{hint}",
    },
    "did-you-mean": {"nb": "; mente du «{name}»?", "en": "; did you mean '{name}'?"},
    "allowed-fields": {"nb": "; tillatte felt: {names}", "en": "; allowed fields: {names}"},
    "missing-key": {
        "nb": "mangler det påkrevde feltet «{key}»; legg til en linje «{key}: …»",
        "en": "the required field '{key}' is missing; add a line '{key}: …'",
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
    "type.datetime": {"nb": "dato med klokkeslett", "en": "a date with a time of day"},
    "type.year-or-date": {"nb": "et årstall eller en dato (ÅÅÅÅ-MM-DD)", "en": "a year or a date (YYYY-MM-DD)"},
    "type.empty": {"nb": "tom", "en": "empty"},
    "quoted": {"nb": "«{text}»", "en": "'{text}'"},
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
    "why.at-least": {"nb": "må være minst {low}", "en": "must be at least {low}"},
    "why.at-most": {"nb": "kan være høyst {high}", "en": "can be at most {high}"},
    "why.other": {"nb": "{detail}", "en": "{detail}"},
    # --- cross-file checks ---------------------------------------------------------------------
    "id-mismatch": {
        "nb": "id «{id}» er ikke lik filnavnet «{stem}»; gi filen navnet {id}.yaml eller sett id: {stem}",
        "en": "id '{id}' differs from the file name '{stem}'; rename the file to {id}.yaml or set id: {stem}",
    },
    "id-mismatch-taken": {
        "nb": "id «{id}» er ikke lik filnavnet «{stem}», og {id}.yaml finnes fra før; sett id: {stem}, "
        "eller slett filen hvis den er en kopi",
        "en": "id '{id}' differs from the file name '{stem}', and {id}.yaml already exists; set id: {stem}, "
        "or delete the file if it is a copy",
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
        "nb": "«{key}» viser til planen «{id}», som ikke finnes i plans/; rett id-en eller legg til planen{hint}",
        "en": "'{key}' refers to the plan '{id}', which is not in plans/; correct the id or add the plan{hint}",
    },
    "unknown-municipality": {
        "nb": "kommunenummer «{number}» finnes ikke i municipalities.yaml; rett nummeret, eller legg kommunen til der",
        "en": "municipality number '{number}' is not in municipalities.yaml; correct the number, or add the "
        "municipality there",
    },
    "unknown-category": {
        "nb": "gruppen «{id}» finnes ikke i categories.yaml; velg en gruppe derfra, eller legg den til{hint}",
        "en": "the group '{id}' is not in categories.yaml; choose a group from there, or add it{hint}",
    },
    "unknown-requirement": {
        "nb": "kravet «{id}» finnes ikke i data/requirements.yaml{hint}",
        "en": "the requirement '{id}' is not in data/requirements.yaml{hint}",
    },
    "duplicate-requirement": {
        "nb": "kravet «{id}» står to ganger i requirements.yaml; hvert krav må ha sin egen id",
        "en": "the requirement '{id}' appears twice in requirements.yaml; every requirement needs its own id",
    },
    # --- publish (issue #18) ---
    "help.calendar": {
        "nb": "Revisjonsmål, lovfrister og planlagte vedtak som en iCalendar-kalender (.ics) å abonnere på "
        "i Outlook; --owner for én ansvarlig.",
        "en": "Revision targets, legal deadlines and planned decisions as an iCalendar feed (.ics) to "
        "subscribe to in Outlook; --owner for one owner.",
    },
    "publish.ics.name": {"nb": "{name} kommune – oversikt over planer", "en": "{name} municipality – plan overview"},
    "publish.ics.revision": {"nb": "{title}: revisjon skal vedtas", "en": "{title}: revision to be adopted"},
    "publish.ics.deadline": {"nb": "{title}: frist for {requirement}", "en": "{title}: deadline for {requirement}"},
    "publish.ics.decision": {"nb": "{title}: vedtak planlagt", "en": "{title}: decision planned"},
    "publish.ics.state": {"nb": "Revisjonen er {state}.", "en": "The revision is {state}."},
    "publish.ics.requirement": {"nb": "Krav: {requirement}.", "en": "Requirement: {requirement}."},
    "publish.ics.case": {"nb": "Sak {case}.", "en": "Case {case}."},
    "publish.ics.year-only": {
        "nb": "Registeret gir bare året {year}, ingen dato; vist 31. desember.",
        "en": "The register gives only the year {year}, no day; shown on 31 December.",
    },
    "publish.ics.kind.revision": {"nb": "Revisjon", "en": "Revision"},
    "publish.ics.kind.deadline": {"nb": "Lovfrist", "en": "Legal deadline"},
    "publish.ics.kind.decision": {"nb": "Vedtak", "en": "Decision"},
    # --- planning intelligence: requirements, workload, coordination, report ------------------
    "help.requirements": {
        "nb": "Lovpålagte og anbefalte planer: hvilke planer som oppfyller dem, og om de er oppfylt, "
        "skal behandles, er forfalt eller mangler.",
        "en": "Statutory and recommended plans: which plans meet them, and whether each is met, due, "
        "overdue or missing.",
    },
    "help.workload": {
        "nb": "Revisjoner per år, som stolpediagram, fordelt på gruppe, ansvarlig eller kommune; "
        "markerer år over kapasiteten.",
        "en": "Revisions per year as a bar chart, by group, owner or municipality; flags years above capacity.",
    },
    "help.coordination": {
        "nb": "Felles planer med samarbeidskommunene som må prioriteres i fellesskap før hvert "
        "kommunestyre vedtar dem, år for år.",
        "en": "Plans shared with the partner municipalities that must be prioritised jointly before "
        "each council adopts them, year by year.",
    },
    "help.report": {
        "nb": "Planstrategiens vedlegg som ett dokument (HTML eller Markdown), klart til å legges ved "
        "saken og publiseres.",
        "en": "The planning strategy's appendix as one document (HTML or Markdown), ready to attach to "
        "the council case and publish.",
    },
    "opt.requirements-year": {
        "nb": "Året kravene vurderes for (standard: året i dag eller --as-of).",
        "en": "The year the requirements are judged for (default: this year, or that of --as-of).",
    },
    "opt.capacity": {
        "nb": "Hvor mange revisjoner et år tåler (standard {default}).",
        "en": "How many revisions a year can take (default {default}).",
    },
    "opt.by": {
        "nb": "Fordel på gruppe (category), ansvarlig (owner) eller kommune (municipality).",
        "en": "Break down by group (category), owner or municipality.",
    },
    "opt.details": {
        "nb": "Vis også hvilke planer som telles hvert år.",
        "en": "Also show which plans count in each year.",
    },
    "opt.coordination-year": {
        "nb": "Bare dette året (standard: årene i valgperioden).",
        "en": "Only this year (default: the years of the council term).",
    },
    "opt.output": {
        "nb": "Skriv til FIL i stedet for til skjermen.",
        "en": "Write to FILE instead of the screen.",
    },
    "opt.force": {"nb": "Skriv over en fil som finnes.", "en": "Overwrite an existing file."},
    "check.current": {"nb": "oppfylt", "en": "met"},
    "check.due": {"nb": "skal behandles", "en": "due"},
    "check.overdue": {"nb": "forfalt", "en": "overdue"},
    "check.missing": {"nb": "mangler", "en": "missing"},
    "strength.lov": {"nb": "lov", "en": "act"},
    "strength.forskrift": {"nb": "forskrift", "en": "regulation"},
    "strength.nasjonal-retningslinje": {"nb": "nasjonal retningslinje", "en": "national guideline"},
    "strength.tilskuddsvilkår": {"nb": "tilskuddsvilkår", "en": "grant condition"},
    "strength.anbefaling": {"nb": "anbefaling", "en": "recommendation"},
    "strength.cadence": {"nb": "{strength} (hyppigheten: {cadence})", "en": "{strength} (the cadence: {cadence})"},
    "col.requirement": {"nb": "Krav", "en": "Requirement"},
    "col.legal-basis": {"nb": "Hjemmel", "en": "Legal basis"},
    "col.strength": {"nb": "Styrke", "en": "Strength"},
    "col.cadence": {"nb": "Hyppighet", "en": "Cadence"},
    "col.met-by": {"nb": "Oppfylt av", "en": "Met by"},
    "col.verified": {"nb": "Kontrollert", "en": "Verified"},
    "requirements.caption": {
        "nb": "Lovpålagte og anbefalte planer, status {year}",
        "en": "Statutory and recommended plans, status in {year}",
    },
    "requirements.none": {
        "nb": "Ingen krav å vise (data/requirements.yaml mangler, er tom, eller ingen plan passer filteret).",
        "en": "No requirements to show (data/requirements.yaml is missing or empty, or no plan passes the filter).",
    },
    "requirements.counts": {
        "nb": "{current} oppfylt, {due} skal behandles, {overdue} forfalt, {missing} mangler.",
        "en": "{current} met, {due} due, {overdue} overdue, {missing} missing.",
    },
    "requirements.unverified": {
        "nb": "Ikke kontrollert mot lovteksten: {names}. Se merknadene i data/requirements.yaml.",
        "en": "Not checked against the wording of the law: {names}. See the notes in data/requirements.yaml.",
    },
    "workload.caption": {
        "nb": "Revisjoner per år {period} (kapasitet {capacity})",
        "en": "Revisions per year {period} (capacity {capacity})",
    },
    "workload.by-caption": {"nb": "Revisjoner per år, fordelt på {by}", "en": "Revisions per year, by {by}"},
    "workload.details-caption": {"nb": "Planer som telles per år", "en": "Plans counted per year"},
    "workload.by.category": {"nb": "gruppe", "en": "group"},
    "workload.by.owner": {"nb": "ansvarlig", "en": "owner"},
    "workload.by.municipality": {"nb": "kommune", "en": "municipality"},
    "workload.no-owner": {"nb": "(ikke oppgitt)", "en": "(not given)"},
    "workload.over": {"nb": "over kapasitet", "en": "over capacity"},
    "workload.over-years": {
        "nb": "Over kapasiteten på {capacity} revisjoner: {years}.",
        "en": "Above the capacity of {capacity} revisions: {years}.",
    },
    "workload.within": {
        "nb": "Ingen år ligger over kapasiteten på {capacity} revisjoner.",
        "en": "No year is above the capacity of {capacity} revisions.",
    },
    "workload.counting": {
        "nb": "En plan telles én gang i et år: når en revisjon er ført opp det året, når hyppigheten "
        "gjør den forfallen det året, eller, i år, som etterslep når den er forfalt fra før.",
        "en": "A plan counts once in a year: when a revision is recorded for that year, when its cadence "
        "makes it due that year, or, this year, as backlog when it is already overdue.",
    },
    "workload.legend": {
        "nb": "{done} revisjon eller hyppighet, {late} etterslep.",
        "en": "{done} revision or cadence, {late} backlog.",
    },
    "workload.source.revision": {"nb": "revisjon", "en": "revision"},
    "workload.source.cadence": {"nb": "hyppighet", "en": "cadence"},
    "workload.source.backlog": {"nb": "etterslep", "en": "backlog"},
    "workload.bad-range": {
        "nb": "--from {start} er etter --to {end}, eller spennet er over {limit} år",
        "en": "--from {start} is after --to {end}, or the span is over {limit} years",
    },
    "col.count": {"nb": "Antall", "en": "Count"},
    "col.bar": {"nb": "Revisjoner", "en": "Revisions"},
    "col.flag": {"nb": "Kapasitet", "en": "Capacity"},
    "col.total": {"nb": "Sum", "en": "Total"},
    "col.work": {"nb": "Arbeid", "en": "Work"},
    "col.owner-municipality": {"nb": "Eier", "en": "Owner"},
    "col.host": {"nb": "Vertskommune", "en": "Host"},
    "col.partners": {"nb": "Samarbeidskommuner", "en": "Partners"},
    "col.cooperation": {"nb": "Samarbeid", "en": "Cooperation"},
    "col.form": {"nb": "Form", "en": "Form"},
    "coordination.caption": {
        "nb": "Felles planer som må prioriteres i fellesskap, {period}",
        "en": "Shared plans to be prioritised jointly, {period}",
    },
    "coordination.none": {
        "nb": "Ingen felles planer har arbeid i {period}.",
        "en": "No shared plan has work in {period}.",
    },
    "coordination.idle-caption": {
        "nb": "Felles planer uten revisjon i {period}",
        "en": "Shared plans with no revision in {period}",
    },
    "coordination.idle-none": {
        "nb": "Alle felles planer har arbeid i perioden.",
        "en": "Every shared plan has work in the period.",
    },
    "coordination.arrangements-caption": {
        "nb": "Vertskommunesamarbeid og felles strategier",
        "en": "Host-municipality arrangements and shared strategies",
    },
    "coordination.arrangements-none": {
        "nb": "Ingen samarbeid med navngitte kommuner i data/municipalities.yaml.",
        "en": "No cooperation with named municipalities in data/municipalities.yaml.",
    },
    "coordination.procedure": {
        "nb": "Planer i interkommunalt samarbeid prioriteres i fellesskap (kommunedirektørforum og "
        "interkommunal politisk gruppe), slik at kapasitet og økonomi er avklart før sluttbehandling i "
        "hvert kommunestyre.",
        "en": "Plans in inter-municipal cooperation are prioritised jointly (the chief executives' forum "
        "and the inter-municipal political group), so that capacity and money are settled before each "
        "council makes its final decision.",
    },
    "cooperation.vertskommune": {"nb": "vertskommune", "en": "host municipality"},
    "cooperation.avtale": {"nb": "avtale", "en": "agreement"},
    "cooperation.felles-strategi": {"nb": "felles strategi", "en": "shared strategy"},
    "appendix.title": {
        "nb": "{name} kommune – vedlegg til kommunal planstrategi {start}–{end}",
        "en": "{name} municipality – appendix to the municipal planning strategy {start}–{end}",
    },
    "appendix.goals-caption": {
        "nb": "Mål og målbare mål i vedtatte planer",
        "en": "Goals and measurable targets in adopted plans",
    },
    "appendix.goals-none": {"nb": "Ingen mål er registrert.", "en": "No goals are recorded."},
    "appendix.target": {"nb": "Målbart mål", "en": "Target"},
    "appendix.bad-term": {
        "nb": "--term {year} er ikke et valgår; valgperiodene begynner i {before} og {after}",
        "en": "--term {year} is not an election year; the terms begin in {before} and {after}",
    },
    "appendix.format": {
        "nb": "rapporten skrives som html eller markdown, ikke {format}",
        "en": "the report is written as html or markdown, not {format}",
    },
    "appendix.written": {"nb": "skrev {path}", "en": "wrote {path}"},
    "missing-file": {
        "nb": "filen mangler; registeret trenger {name}",
        "en": "the file is missing; the register needs {name}",
    },
    "ignored-file": {
        "nb": "filen leses ikke: bare filer som slutter på .yaml hører til i {folder}/; "
        "gi den navnet {stem}.yaml, eller flytt den ut av mappen",
        "en": "the file is not read: only files ending in .yaml belong in {folder}/; "
        "rename it to {stem}.yaml, or move it out of the folder",
    },
    "expired-unplanned": {
        "nb": "gyldigheten gikk ut i {year}, og ingen revisjon er planlagt; legg til en revisjon eller sett status",
        "en": "its validity ran out in {year} and no revision is planned; add a revision or set the status",
    },
    "revision-year": {
        "nb": "«year:» er formen fra versjon 0.1; den heter nå «target:» (når revisjonen skal vedtas). "
        "Kjør «planstrategi upgrade» for å skrive om filene",
        "en": "'year:' is the version 0.1 form; it is now 'target:' (when the revision is to be adopted). "
        "Run 'planstrategi upgrade' to rewrite the files",
    },
    "work-after-target": {
        "nb": "arbeidet starter i {start}, etter målet {target}; rett work_from eller target",
        "en": "the work starts in {start}, after the target {target}; correct work_from or target",
    },
    "work-ends-before-start": {
        "nb": "arbeidet slutter i {end}, før det starter ({start}); rett work_to",
        "en": "the work ends in {end}, before it starts ({start}); correct work_to",
    },
    "decision-missing": {
        "nb": "en revisjon som er {state}, trenger vedtaket som gjorde det: legg til decision med dato (eller år) "
        "og gjerne saksnummer",
        "en": "a revision that is {state} needs the decision that made it so: add a decision with a date (or year) "
        "and preferably a case number",
    },
    "postponed-not-utsatt": {
        "nb": "postponed_from hører bare til en revisjon med state: utsatt; sett state, eller fjern feltet",
        "en": "postponed_from belongs only to a revision with state: utsatt; set the state, or remove the field",
    },
    "adopted-after-validity": {
        "nb": "vedtatt {adopted}, etter at gyldigheten gikk ut i {end}; oppdater valid_to (og valid_from) "
        "for den nye planen",
        "en": "adopted in {adopted}, after its validity ran out in {end}; update valid_to (and valid_from) "
        "for the new plan",
    },
    # --- rules: one per problem code, for SARIF (code scanning) and the step summary ---------------
    "rule.too-large": {"nb": "Filen er for stor", "en": "File too large"},
    "rule-help.too-large": {
        "nb": "En planfil er noen få kilobyte; en fil over grensen er nesten alltid feil fil. Del den opp.",
        "en": "A plan file is a few kilobytes; a file over the limit is almost always the wrong file. Split it.",
    },
    "rule.nul-byte": {"nb": "Binære data i filen", "en": "Binary data in the file"},
    "rule-help.nul-byte": {
        "nb": "Filen inneholder NUL-byte og er ikke ren tekst. Lagre den som ren tekst i UTF-8.",
        "en": "The file contains NUL bytes and is not plain text. Save it as plain UTF-8 text.",
    },
    "rule.encoding": {"nb": "Ikke UTF-8", "en": "Not UTF-8"},
    "rule-help.encoding": {
        "nb": "Alle filer skal være UTF-8, slik at æ, ø og å leses riktig. Lagre filen som UTF-8.",
        "en": "Every file must be UTF-8 so that æ, ø and å read correctly. Save the file as UTF-8.",
    },
    "rule.empty-file": {"nb": "Tom fil", "en": "Empty file"},
    "rule-help.empty-file": {
        "nb": "Filen har ingen felt. Fyll inn feltene (se README) eller slett filen.",
        "en": "The file has no fields. Fill them in (see the README) or delete the file.",
    },
    "rule.multiple-documents": {"nb": "Flere YAML-dokumenter", "en": "Several YAML documents"},
    "rule-help.multiple-documents": {
        "nb": "Hver fil skal ha ett YAML-dokument. Fjern skillelinjen --- eller del filen i to.",
        "en": "Each file holds one YAML document. Remove the --- separator or split the file in two.",
    },
    "rule.not-a-mapping": {"nb": "Ikke felt på formen nøkkel: verdi", "en": "Not fields of the form key: value"},
    "rule-help.not-a-mapping": {
        "nb": "Øverste nivå skal være felt på formen «nøkkel: verdi», ikke en liste eller en enkelt verdi.",
        "en": "The top level of the file must be fields of the form 'key: value', not a list or a single value.",
    },
    "rule.tab": {"nb": "Tabulator som innrykk", "en": "Tab used for indentation"},
    "rule-help.tab": {
        "nb": "YAML tillater bare mellomrom som innrykk. Bytt tabulatorene ut med mellomrom.",
        "en": "YAML allows only spaces for indentation. Replace the tabs with spaces.",
    },
    "rule.yaml-syntax": {"nb": "YAML-syntaksfeil", "en": "YAML syntax error"},
    "rule-help.yaml-syntax": {
        "nb": "Filen kan ikke leses som YAML. Sjekk innrykk, kolon og anførselstegn rundt linjen som er oppgitt.",
        "en": "The file cannot be read as YAML. Check indentation, colons and quotes around the given line.",
    },
    "rule.too-deep": {"nb": "For dyp nøsting", "en": "Nested too deeply"},
    "rule-help.too-deep": {
        "nb": "Strukturen er nøstet dypere enn noen plan trenger. Sjekk innrykket.",
        "en": "The structure is nested deeper than any plan needs. Check the indentation.",
    },
    "rule.too-many-aliases": {"nb": "For mange YAML-aliaser", "en": "Too many YAML aliases"},
    "rule-help.too-many-aliases": {
        "nb": "Aliaser (*navn) kan få en liten fil til å bli enorm. Skriv verdiene ut i stedet.",
        "en": "Aliases (*name) can blow a small file up to a huge one. Write the values out instead.",
    },
    "rule.unknown-tag": {"nb": "YAML-tagg ikke tillatt", "en": "YAML tag not allowed"},
    "rule-help.unknown-tag": {
        "nb": "Tagger som !!python/object leses ikke. Fjern taggen og skriv verdien som vanlig tekst.",
        "en": "Tags such as !!python/object are not read. Remove the tag and write the value as plain text.",
    },
    "rule.duplicate-key": {"nb": "Samme nøkkel to ganger", "en": "Duplicate key"},
    "rule-help.duplicate-key": {
        "nb": "YAML ville i det stille beholdt bare den siste verdien. Slå de to feltene sammen.",
        "en": "YAML would silently keep only the last value. Merge the two fields.",
    },
    "rule.truthy": {"nb": "Leses som sannhetsverdi", "en": "Read as a boolean"},
    "rule-help.truthy": {
        "nb": "YAML 1.1 leser yes, no, on og off som true/false. Sett teksten i anførselstegn.",
        "en": "YAML 1.1 reads yes, no, on and off as true/false. Quote the text, or write true/false.",
    },
    "rule.sexagesimal": {"nb": "Leses som tall i sekstitallsystemet", "en": "Read as a base-60 number"},
    "rule-help.sexagesimal": {
        "nb": "YAML 1.1 leser 1:20 som tallet 80. Sett verdien i anførselstegn.",
        "en": "YAML 1.1 reads 1:20 as the number 80. Put the value in quotes.",
    },
    "rule.octal": {"nb": "Leses som oktalt tall", "en": "Read as an octal number"},
    "rule-help.octal": {
        "nb": "YAML 1.1 leser 017 som tallet 15. Sett verdien i anførselstegn.",
        "en": "YAML 1.1 reads 017 as the number 15. Put the value in quotes.",
    },
    "rule.outside-data": {"nb": "Peker ut av registeret", "en": "Points outside the register"},
    "rule-help.outside-data": {
        "nb": "En symbolsk lenke som fører ut av registermappen leses ikke. Kopier filen inn i stedet.",
        "en": "A symbolic link leading out of the register folder is not read. Copy the file in instead.",
    },
    "rule.control-char": {"nb": "Kontrolltegn i filen", "en": "Control character in the file"},
    "rule-help.control-char": {
        "nb": "YAML tillater ikke usynlige kontrolltegn. Slett tegnet; det kommer ofte fra Word eller PDF.",
        "en": "YAML does not allow invisible control characters. Delete it; it often comes from Word or a PDF.",
    },
    "rule.not-a-file": {"nb": "Ikke en vanlig fil", "en": "Not a regular file"},
    "rule-help.not-a-file": {
        "nb": "En mappe eller spesialfil har et navn som slutter på .yaml. Flytt den ut av registeret.",
        "en": "A folder or special file has a name ending in .yaml. Move it out of the register.",
    },
    "rule.bad-scalar": {"nb": "Verdi som ikke kan leses", "en": "Value that cannot be read"},
    "rule-help.bad-scalar": {
        "nb": "Verdien ser ut som en dato eller et tall, men er ugyldig (f.eks. 2017-13-45). Rett den, "
        "eller sett tekst i anførselstegn.",
        "en": "The value looks like a date or a number but is invalid (e.g. 2017-13-45). Correct it, or quote text.",
    },
    "rule.recursive-alias": {"nb": "Alias som viser til seg selv", "en": "Alias that refers to itself"},
    "rule-help.recursive-alias": {
        "nb": "Et alias (*navn) inne i strukturen det viser til gir en uendelig verdi. Skriv verdien ut.",
        "en": "An alias (*name) inside the structure it refers to gives a value without end. Write it out.",
    },
    "rule.unreadable": {"nb": "Filen kan ikke leses", "en": "File cannot be read"},
    "rule-help.unreadable": {
        "nb": "Operativsystemet nektet å lese filen. Sjekk tilgangen til filen.",
        "en": "The operating system refused to read the file. Check its permissions.",
    },
    "rule.unknown-key": {"nb": "Ukjent felt", "en": "Unknown field"},
    "rule-help.unknown-key": {
        "nb": "Feltet finnes ikke i modellen, ofte på grunn av en skrivefeil. Rett navnet; README lister feltene.",
        "en": "The field does not exist, often because of a typo. Fix the name; the README lists the fields.",
    },
    "rule.missing-key": {"nb": "Påkrevd felt mangler", "en": "Required field missing"},
    "rule-help.missing-key": {
        "nb": "Et felt som hver fil av denne typen må ha, mangler. Legg det til.",
        "en": "A field every file of this kind must have is missing. Add it.",
    },
    "rule.wrong-type": {"nb": "Feil type verdi", "en": "Wrong type of value"},
    "rule-help.wrong-type": {
        "nb": "Verdien har feil type, f.eks. et tall der det skal stå tekst. Sett slik tekst i anførselstegn.",
        "en": "The value has the wrong type, e.g. a number where text belongs. Quote text that looks like a number.",
    },
    "rule.invalid-value": {"nb": "Ugyldig verdi", "en": "Invalid value"},
    "rule-help.invalid-value": {
        "nb": "Verdien har riktig type, men er ikke tillatt her. Meldingen sier hvilke verdier som er tillatt.",
        "en": "The value has the right type but is not allowed here. The message says which values are.",
    },
    "rule.year-range": {"nb": "Årstall utenfor gyldig område", "en": "Year out of range"},
    "rule-help.year-range": {
        "nb": "Årstallet ligger utenfor det rimelige området. Sjekk for skrivefeil.",
        "en": "The year lies outside the plausible range. Check for a typo.",
    },
    "rule.date-as-year": {"nb": "Dato der det skal stå årstall", "en": "Date where a year belongs"},
    "rule-help.date-as-year": {
        "nb": "Feltet tar bare et årstall. Skriv bare året.",
        "en": "The field takes a year only. Write just the year.",
    },
    "rule.id-mismatch": {"nb": "Id ulik filnavnet", "en": "Id differs from the file name"},
    "rule-help.id-mismatch": {
        "nb": "En plans id skal være lik filnavnet uten .yaml. Gi filen nytt navn eller rett id.",
        "en": "A plan's id must equal its file name without .yaml. Rename the file or fix the id.",
    },
    "rule.duplicate-id": {"nb": "Id brukt to ganger", "en": "Duplicate id"},
    "rule-help.duplicate-id": {
        "nb": "To planer har samme id. Hver plan må ha sin egen.",
        "en": "Two plans share an id. Every plan needs its own.",
    },
    "rule.duplicate-goals": {"nb": "To målfiler for samme plan", "en": "Two goals files for one plan"},
    "rule-help.duplicate-goals": {
        "nb": "Målene for en plan står i to filer. Slå dem sammen til én.",
        "en": "The goals of one plan are in two files. Merge them into one.",
    },
    "rule.unknown-plan": {"nb": "Viser til ukjent plan", "en": "Refers to an unknown plan"},
    "rule-help.unknown-plan": {
        "nb": "Id-en finnes ikke i data/plans/. Rett skrivefeilen, eller legg til planen.",
        "en": "The id is not in data/plans/. Fix the typo, or add the plan.",
    },
    "rule.unknown-municipality": {"nb": "Ukjent kommunenummer", "en": "Unknown municipality number"},
    "rule-help.unknown-municipality": {
        "nb": "Kommunenummeret finnes ikke i data/municipalities.yaml. Legg kommunen til der.",
        "en": "The municipality number is not in data/municipalities.yaml. Add the municipality there.",
    },
    "rule.unknown-category": {"nb": "Ukjent gruppe", "en": "Unknown group"},
    "rule-help.unknown-category": {
        "nb": "Gruppen finnes ikke i data/categories.yaml. Velg en gruppe derfra, eller legg den til.",
        "en": "The group is not in data/categories.yaml. Choose one from there, or add it.",
    },
    "rule.unknown-requirement": {"nb": "Ukjent lovkrav", "en": "Unknown requirement"},
    "rule-help.unknown-requirement": {
        "nb": "Kravet finnes ikke i data/requirements.yaml. Rett id-en, eller legg kravet til.",
        "en": "The requirement is not in data/requirements.yaml. Fix the id, or add the requirement.",
    },
    "rule.missing-file": {"nb": "Fil mangler i registeret", "en": "File missing from the register"},
    "rule-help.missing-file": {
        "nb": "Registeret trenger denne filen for å kunne kontrollere de andre. Legg den til.",
        "en": "The register needs this file to check the others. Add it.",
    },
    "rule.expired-unplanned": {"nb": "Utløpt uten planlagt revisjon", "en": "Expired with no revision planned"},
    "rule-help.expired-unplanned": {
        "nb": "Gyldigheten har gått ut og ingen revisjon er planlagt. Legg til en revisjon, eller sett status.",
        "en": "Its validity has run out and no revision is planned. Add a revision, or set the status.",
    },
    "rule.revision-year": {"nb": "Revisjon i formen fra 0.1", "en": "Revision in the 0.1 form"},
    "rule-help.revision-year": {
        "nb": "Versjon 0.2 kaller revisjonens år «target». Kjør «planstrategi upgrade»; den beholder kommentarene.",
        "en": "Version 0.2 calls a revision's year 'target'. Run 'planstrategi upgrade'; it keeps the comments.",
    },
    "rule.work-after-target": {"nb": "Arbeid etter målet", "en": "Work after the target"},
    "rule-help.work-after-target": {
        "nb": "Arbeidet med en revisjon kan ikke starte etter året den skal vedtas. Rett work_from eller target.",
        "en": "Work on a revision cannot start after the year it is to be adopted. Correct work_from or target.",
    },
    "rule.work-ends-before-start": {"nb": "Arbeid slutter før det starter", "en": "Work ends before it starts"},
    "rule-help.work-ends-before-start": {
        "nb": "work_to må være samme år som work_from eller senere.",
        "en": "work_to must be the same year as work_from or later.",
    },
    "rule.decision-missing": {"nb": "Vedtak mangler", "en": "Decision missing"},
    "rule-help.decision-missing": {
        "nb": "En utsatt eller avlyst revisjon skal vise vedtaket som utsatte eller avlyste den.",
        "en": "A postponed or cancelled revision must show the decision that postponed or cancelled it.",
    },
    "rule.postponed-not-utsatt": {"nb": "postponed_from uten utsatt", "en": "postponed_from without utsatt"},
    "rule-help.postponed-not-utsatt": {
        "nb": "postponed_from sier hvilket mål en utsatt revisjon hadde; det hører bare til state: utsatt.",
        "en": "postponed_from says which target a postponed revision had; it belongs only with state: utsatt.",
    },
    "rule.adopted-after-validity": {"nb": "Vedtatt etter gyldigheten", "en": "Adopted after its validity"},
    "rule-help.adopted-after-validity": {
        "nb": "Planen er vedtatt etter valid_to. Den nye planen trenger en ny gyldighetsperiode.",
        "en": "The plan was adopted after valid_to. The new plan needs a new validity period.",
    },
    # --- CI: GitHub Actions step summary, annotations, progress ------------------------------------
    "ci.summary-line": {"nb": "Linje", "en": "Line"},
    "ci.summary-severity": {"nb": "Alvor", "en": "Severity"},
    "ci.summary-code": {"nb": "Kode", "en": "Code"},
    "ci.summary-message": {"nb": "Melding", "en": "Message"},
    "ci.summary-unset": {
        "nb": "GITHUB_STEP_SUMMARY er ikke satt, så sammendraget for jobben ble ikke skrevet; resultatet over gjelder",
        "en": "GITHUB_STEP_SUMMARY is not set, so the job summary was not written; the result above stands",
    },
    "ci.summary-failed": {
        "nb": "kunne ikke skrive sammendraget for jobben til {path} ({reason}); resultatet over gjelder",
        "en": "could not write the job summary to {path} ({reason}); the result above stands",
    },
    "ci.more-annotations": {
        "nb": "{path}: {count} problem(er) til står uten merknad her under og i sammendraget for jobben",
        "en": "{path}: {count} more problem(s) listed below without annotation, and in the job summary",
    },
    "ci.progress": {"nb": "Kontrollerer filer", "en": "Checking files"},
    "ci.summary-truncated": {
        "nb": "… og {count} problem(er) til, som ikke får plass her (GitHub tar høyst 1 MiB); alle står i loggen",
        "en": "… and {count} more problem(s) that do not fit here (GitHub takes at most 1 MiB); the log has them all",
    },
    # --- reports: due, overdue, table, list, show (planstrategi/rules.py, render/views.py) -------
    "term.label": {"nb": "valgperioden {start}–{end}", "en": "the council term {start}–{end}"},
    "reason.planned": {"nb": "planlagt {when}", "en": "planned {when}"},
    "reason.in-progress": {"nb": "pågår, vedtak ventet {when}", "en": "in progress, decision expected {when}"},
    "reason.postponed": {"nb": "utsatt til {when}", "en": "postponed to {when}"},
    "reason.in-work": {"nb": "under arbeid, vedtak planlagt {when}", "en": "in work, decision planned {when}"},
    "reason.overdue": {"nb": "forfalt siden {when}", "en": "overdue since {when}"},
    "reason.overdue-in-progress": {"nb": "forfalt siden {when} (pågår)", "en": "overdue since {when} (in progress)"},
    "reason.expired": {"nb": "gyldighet utløpt {year}", "en": "validity ran out {year}"},
    "reason.annual": {"nb": "årlig", "en": "yearly"},
    "reason.annual-missed": {"nb": "årlig, ikke revidert i {year}", "en": "yearly, not revised in {year}"},
    "reason.annual-missed-many": {
        "nb": "årlig, ikke revidert på {n} år (sist {last})",
        "en": "yearly, not revised for {n} years (last {last})",
    },
    "reason.term": {"nb": "hver valgperiode", "en": "every council term"},
    "reason.term-within": {"nb": "hver valgperiode, innen {when}", "en": "every council term, by {when}"},
    "reason.term-overdue": {
        "nb": "hver valgperiode, skulle vært revidert innen {when}",
        "en": "every council term, was due by {when}",
    },
    "reason.term-missed": {
        "nb": "ikke revidert i valgperioden {year}–{end}",
        "en": "not revised in the council term {year}–{end}",
    },
    "reason.term-missed-many": {
        "nb": "ikke revidert i {n} valgperioder (sist {year}–{end})",
        "en": "not revised in {n} council terms (the last {year}–{end})",
    },
    "reason.term-scheduled": {
        "nb": "planlagt {when}, ikke vedtatt i valgperioden ennå",
        "en": "planned {when}, not yet adopted in the council term",
    },
    "reason.interval": {"nb": "hvert {n}. år", "en": "every {n} years"},
    "reason.interval-overdue": {
        "nb": "hvert {n}. år, forfalt siden {year}",
        "en": "every {n} years, overdue since {year}",
    },
    "reason.assumed-date": {
        "nb": "{date} (regnet fra antatt konstitueringsdato)",
        "en": "{date} (counted from an assumed constitution date)",
    },
    "reason.with-ground": {"nb": "{reason} – {ground}", "en": "{reason} – {ground}"},
    "ground.schedule": {"nb": "revisjonsplan", "en": "schedule"},
    "ground.validity": {"nb": "gyldighetsperiode", "en": "validity period"},
    "ground.cadence": {"nb": "planens hyppighet", "en": "the plan's cadence"},
    "ground.requirement": {"nb": "lovkrav", "en": "requirement"},
    "urgency.overdue": {"nb": "Forfalt", "en": "Overdue"},
    "urgency.expired": {"nb": "Gyldigheten har gått ut", "en": "Validity has run out"},
    "urgency.due": {"nb": "Til revisjon i {year}", "en": "Due in {year}"},
    "due.caption": {"nb": "Planer til revisjon i {year} (per {date})", "en": "Plans due in {year} (as of {date})"},
    "due.none": {"nb": "Ingen planer skal revideres i {year}.", "en": "No plans are due in {year}."},
    "overdue.caption": {"nb": "Forfalte planer (per {date})", "en": "Overdue plans (as of {date})"},
    "overdue.none": {"nb": "Ingen planer er forfalt per {date}.", "en": "No plans are overdue as of {date}."},
    "list.caption": {"nb": "Oversikt over planer ({count})", "en": "Plan overview ({count})"},
    "list.none": {"nb": "Ingen planer passer til filtrene.", "en": "No plans match the filters."},
    "table.caption.term": {
        "nb": "Planer, strategier og reglementer – valgperioden {start}–{end}",
        "en": "Plans, strategies and regulations – the council term {start}–{end}",
    },
    "table.caption.overarching": {
        "nb": "Revisjoner av overordna planer i perioden {start}–{end}",
        "en": "Revisions of overarching plans in {start}–{end}",
    },
    "table.caption.years": {
        "nb": "Planer, strategier og reglementer – revisjoner {start}–{end}",
        "en": "Plans, strategies and regulations – revisions {start}–{end}",
    },
    "table.legend": {
        "nb": "x = planlagt eller pågår, v = vedtatt, ! = forfalt (ikke vedtatt i planlagt år)",
        "en": "x = planned or in progress, v = adopted, ! = overdue (not adopted in the planned year)",
    },
    "report.as-of": {"nb": "Per {date}.", "en": "As of {date}."},
    "report.register-problems": {
        "nb": "planstrategi: {count} av registerets filer har feil; svaret bygger på filene som kunne leses. "
        "Kjør «planstrategi validate» for detaljer",
        "en": "planstrategi: problems in {count} of the register's files; this answer uses the files that "
        "loaded. Run 'planstrategi validate' for details",
    },
    "filter.did-you-mean": {"nb": "; mente du {names}?", "en": "; did you mean {names}?"},
    "filter.bad-choice": {
        "nb": "{option}: ukjent verdi «{value}»; tillatte verdier: {allowed}",
        "en": "{option}: unknown value '{value}'; allowed values: {allowed}",
    },
    "filter.unknown-category": {
        "nb": "--category: fant ingen gruppe «{value}» i categories.yaml",
        "en": "--category: no group '{value}' in categories.yaml",
    },
    "filter.unknown-municipality": {
        "nb": "fant ingen kommune «{value}» i municipalities.yaml; bruk kommunenummer eller navn",
        "en": "no municipality '{value}' in municipalities.yaml; use its number or name",
    },
    "term.not-election-year": {
        "nb": "--term {year}: {year} er ikke et valgår; valgår er {before} og {after} (hvert fjerde år fra 2023)",
        "en": "--term {year}: {year} is not an election year; the nearest are {before} and {after} "
        "(every fourth year from 2023)",
    },
    "table.term-and-years": {
        "nb": "bruk enten --term eller --from/--to, ikke begge",
        "en": "use either --term or --from/--to, not both",
    },
    "table.bad-range": {
        "nb": "--from {start} --to {end}: perioden må være fra 1 til {limit} år",
        "en": "--from {start} --to {end}: the period must be 1 to {limit} years",
    },
    "show.unknown-id": {
        "nb": "fant ingen plan med id «{id}»{hint}",
        "en": "no plan has the id '{id}'{hint}",
    },
    "show.fields": {"nb": "Opplysninger", "en": "Details"},
    "show.revisions": {"nb": "Revisjoner", "en": "Revisions"},
    "show.no-revisions": {"nb": "Ingen revisjoner er registrert.", "en": "No revisions are recorded."},
    "show.decisions": {"nb": "Vedtak", "en": "Decisions"},
    "show.goals": {"nb": "Mål, strategier og tiltak", "en": "Goals, strategies and measures"},
    "show.not-due": {"nb": "nei", "en": "no"},
    "value.yes": {"nb": "ja", "en": "yes"},
    "value.no": {"nb": "nei", "en": "no"},
    "col.plan": {"nb": "Plan", "en": "Plan"},
    "col.id": {"nb": "ID", "en": "ID"},
    "col.category": {"nb": "Gruppe", "en": "Group"},
    "col.kind": {"nb": "Type", "en": "Kind"},
    "col.status": {"nb": "Status", "en": "Status"},
    "col.adopted": {"nb": "Vedtatt", "en": "Adopted"},
    "col.reasons": {"nb": "Grunn", "en": "Reason"},
    "col.urgency": {"nb": "Hastegrad", "en": "Urgency"},
    "col.next-revision": {"nb": "Neste revisjon", "en": "Next revision"},
    "col.remarks": {"nb": "Merknad", "en": "Remark"},
    "col.field": {"nb": "Felt", "en": "Field"},
    "col.value": {"nb": "Verdi", "en": "Value"},
    "col.year": {"nb": "År", "en": "Year"},
    "col.state": {"nb": "Tilstand", "en": "State"},
    "col.target": {"nb": "Skal vedtas", "en": "Target"},
    "col.work-years": {"nb": "Arbeid", "en": "Work"},
    "col.decision": {"nb": "Vedtak", "en": "Decision"},
    "show.case": {"nb": "sak {case}", "en": "case {case}"},
    "col.note": {"nb": "Merknad", "en": "Note"},
    "col.case": {"nb": "Sak", "en": "Case"},
    "col.date": {"nb": "Dato", "en": "Date"},
    "col.body": {"nb": "Vedtatt av", "en": "Decided by"},
    "col.level": {"nb": "Nivå", "en": "Level"},
    "col.goal": {"nb": "Tekst", "en": "Text"},
    "col.detail": {"nb": "Detaljer", "en": "Details"},
    "field.id": {"nb": "ID", "en": "ID"},
    "field.title": {"nb": "Tittel", "en": "Title"},
    "field.category": {"nb": "Gruppe", "en": "Group"},
    "field.kind": {"nb": "Type", "en": "Kind"},
    "field.status": {"nb": "Status", "en": "Status"},
    "field.municipality": {"nb": "Kommune", "en": "Municipality"},
    "field.host": {"nb": "Vertskommune", "en": "Host municipality"},
    "field.partners": {"nb": "Samarbeidskommuner", "en": "Partner municipalities"},
    "field.adopted": {"nb": "Vedtatt", "en": "Adopted"},
    "field.adopted_by": {"nb": "Vedtatt av", "en": "Adopted by"},
    "field.valid_from": {"nb": "Gjelder fra", "en": "Valid from"},
    "field.valid_to": {"nb": "Gjelder til og med", "en": "Valid through"},
    "field.cadence": {"nb": "Revideres", "en": "Revised"},
    "field.overarching": {"nb": "Overordna plan", "en": "Overarching plan"},
    "field.part_of": {"nb": "Del av", "en": "Part of"},
    "field.responsible": {"nb": "Ansvarlig", "en": "Responsible"},
    "field.links": {"nb": "Lenker", "en": "Links"},
    "field.legal_basis": {"nb": "Hjemmel", "en": "Legal basis"},
    "field.requirements": {"nb": "Lovkrav", "en": "Statutory requirements"},
    "field.supersedes": {"nb": "Erstatter", "en": "Replaces"},
    "field.superseded_by": {"nb": "Erstattet av", "en": "Replaced by"},
    "field.remarks": {"nb": "Merknad", "en": "Remark"},
    "field.term": {"nb": "Valgperiode", "en": "Council term"},
    "field.due": {"nb": "Til revisjon i {year}", "en": "Due in {year}"},
    "cadence.valgperiode": {"nb": "hver valgperiode", "en": "every council term"},
    "cadence.valgperiode-within": {
        "nb": "hver valgperiode, innen {n} år etter konstitueringen",
        "en": "every council term, within {n} years of its constitution",
    },
    "cadence.årlig": {"nb": "årlig", "en": "yearly"},
    "cadence.intervall": {"nb": "hvert {n}. år", "en": "every {n} years"},
    "cadence.løpende": {"nb": "løpende", "en": "continuously"},
    "cadence.ingen": {"nb": "ingen fast hyppighet", "en": "no fixed cadence"},
    "cadence.planstrategi": {"nb": "vurderes i hver planstrategi", "en": "considered in each planning strategy"},
    "check.assumed": {"nb": "(antatt)", "en": "(inferred)"},
    "inferred.value": {"nb": "{value} (antatt)", "en": "{value} (inferred)"},
    "state.planlagt": {"nb": "planlagt", "en": "planned"},
    "state.pågår": {"nb": "pågår", "en": "in progress"},
    "state.vedtatt": {"nb": "vedtatt", "en": "adopted"},
    "state.utsatt": {"nb": "utsatt", "en": "postponed"},
    "state.avlyst": {"nb": "avlyst", "en": "cancelled"},
    "state.overdue": {"nb": "forfalt", "en": "overdue"},
    "level.goal": {"nb": "Mål", "en": "Goal"},
    "level.target": {"nb": "Målverdi", "en": "Target"},
    "level.strategy": {"nb": "Strategi", "en": "Strategy"},
    "level.measure": {"nb": "Tiltak", "en": "Measure"},
    "goal.responsible": {"nb": "ansvarlig: {name}", "en": "responsible: {name}"},
    "goal.vision": {"nb": "Visjon: {text}", "en": "Vision: {text}"},
    "goal.source": {"nb": "Kilde: {text}", "en": "Source: {text}"},
    "comparison.endring": {"nb": "endring", "en": "change"},
    "comparison.høyst": {"nb": "høyst", "en": "at most"},
    "comparison.minst": {"nb": "minst", "en": "at least"},
    "comparison.holde": {"nb": "holde", "en": "keep at"},
    "target.from": {"nb": "fra {year}", "en": "from {year}"},
    "target.by": {"nb": "til {year}", "en": "by {year}"},
    "kind.plan": {"nb": "plan", "en": "plan"},
    "kind.kommuneplan": {"nb": "kommuneplan", "en": "municipal master plan"},
    "kind.kommunedelplan": {"nb": "kommunedelplan", "en": "municipal sub-plan"},
    "kind.temaplan": {"nb": "temaplan", "en": "thematic plan"},
    "kind.strategi": {"nb": "strategi", "en": "strategy"},
    "kind.handlingsplan": {"nb": "handlingsplan", "en": "action plan"},
    "kind.reglement": {"nb": "reglement", "en": "regulation"},
    "kind.retningslinje": {"nb": "retningslinje", "en": "guideline"},
    "kind.melding": {"nb": "melding", "en": "report"},
    "kind.analyse": {"nb": "analyse", "en": "analysis"},
    "kind.rutine": {"nb": "rutine", "en": "procedure"},
    "kind.vedtekt": {"nb": "vedtekt", "en": "statute"},
    "kind.avtale": {"nb": "avtale", "en": "agreement"},
    "kind.budsjett": {"nb": "budsjett", "en": "budget"},
    "status.gjeldende": {"nb": "gjeldende", "en": "in force"},
    "status.under-revisjon": {"nb": "under revisjon", "en": "under revision"},
    "status.utkast": {"nb": "utkast", "en": "draft"},
    "status.utgått": {"nb": "utgått", "en": "obsolete"},
    "status.erstattet": {"nb": "erstattet", "en": "replaced"},
    "body.kommunestyret": {"nb": "kommunestyret", "en": "the municipal council"},
    "body.formannskapet": {"nb": "formannskapet", "en": "the executive committee"},
    "body.utvalg": {"nb": "utvalg", "en": "a committee"},
    "body.kontrollutvalget": {"nb": "kontrollutvalget", "en": "the control committee"},
    "body.administrativt": {"nb": "administrativt", "en": "administratively"},
    "body.interkommunalt": {"nb": "interkommunalt", "en": "inter-municipally"},
    "body.staten": {"nb": "staten", "en": "the state"},
    "help.due": {
        "nb": "Planer til revisjon i ÅR: forfalte, utløpte og de som skal revideres i år, med grunn.",
        "en": "Plans due in YEAR: overdue, expired and due this year, each with its reason.",
    },
    "help.overdue": {
        "nb": "Bare forfalte planer og planer der gyldigheten har gått ut.",
        "en": "Only plans that are overdue or whose validity has run out.",
    },
    "help.table": {
        "nb": "Revisjonstabellen: planer etter gruppe, en kolonne per år (som planstrategiens vedlegg).",
        "en": "The revision table: plans by group, a column per year (as in the planning strategy's appendix).",
    },
    "help.list": {
        "nb": "List planene i registeret, gruppert, med type, status og neste revisjon.",
        "en": "List the register's plans, grouped, with kind, status and next revision.",
    },
    "help.show": {
        "nb": "Vis alt om én plan: felt, revisjoner, vedtak og mål, strategier og tiltak.",
        "en": "Show everything about one plan: fields, revisions, decisions and goals, strategies, measures.",
    },
    "opt.format": {
        "nb": "Utdataformat: table, markdown, csv (Excel), json eller html.",
        "en": "Output format: table, markdown, csv (Excel), json or html.",
    },
    "opt.year": {
        "nb": "Året (standard: året i --as-of, ellers i år).",
        "en": "The year (default: that of --as-of, else this year).",
    },
    "opt.category": {
        "nb": "Bare planer i denne gruppen (id eller navn).",
        "en": "Only plans in this group (id or name).",
    },
    "opt.kind": {
        "nb": "Bare planer av denne typen (plan, reglement, …).",
        "en": "Only plans of this kind (plan, reglement, …).",
    },
    "opt.owner": {
        "nb": "Bare planer der «ansvarlig» inneholder teksten.",
        "en": "Only plans whose 'responsible' contains the text.",
    },
    "opt.municipality": {
        "nb": "Bare planer som eies av kommunen (kommunenummer eller navn).",
        "en": "Only plans owned by the municipality (number or name).",
    },
    "opt.partner": {
        "nb": "Bare planer kommunen deler med andre (som eier, vertskommune eller partner).",
        "en": "Only plans the municipality shares with others (as owner, host or partner).",
    },
    "opt.status": {
        "nb": "Bare planer med denne statusen (gjeldende, utkast, …).",
        "en": "Only plans with this status.",
    },
    "opt.fail-if-overdue": {
        "nb": "Avslutt med kode 1 hvis noe er forfalt eller utløpt (for CI).",
        "en": "Exit with code 1 if anything is overdue or expired (for CI).",
    },
    "opt.term": {
        "nb": "Valgperioden, oppgitt ved valgåret (2023 = 2023–2027).",
        "en": "The council term, given by its election year (2023 = 2023–2027).",
    },
    "opt.from": {"nb": "Første år i tabellen.", "en": "First year of the table."},
    "opt.to": {"nb": "Siste år i tabellen.", "en": "Last year of the table."},
    "opt.overarching": {
        "nb": "Bare overordna planer (planstrategiens §1.6), kolonner for de fire planårene.",
        "en": "Only overarching plans (the planning strategy's §1.6), columns for the four planning years.",
    },
    "opt.all": {"nb": "Ta med utgåtte og erstattede planer.", "en": "Include obsolete and replaced plans."},
    "opt.id": {"nb": "Planens id (filnavnet uten .yaml).", "en": "The plan's id (its file name without .yaml)."},
    # --- writing files, schema, diff, new, init, import (safeio, schema, diff, scaffold, importer) --
    "write.exists": {
        "nb": "{path} finnes allerede og blir ikke overskrevet; bruk --force for å overskrive den",
        "en": "{path} already exists and is not overwritten; use --force to overwrite it",
    },
    "write.outside": {
        "nb": "{path} ligger utenfor mappen det skrives til (.. eller en symbolsk lenke); ingenting er skrevet",
        "en": "{path} lies outside the folder being written to (.. or a symbolic link); nothing was written",
    },
    "write.failed": {
        "nb": "kunne ikke skrive {path}: {reason}; ingen fil er endret",
        "en": "could not write {path}: {reason}; no file was changed",
    },
    "schema.written": {"nb": "skrev {path}", "en": "wrote {path}"},
    "schema.unchanged": {"nb": "{path} er à jour", "en": "{path} is up to date"},
    "schema.stale": {
        "nb": "{path} er ikke à jour; kjør planstrategi schema --force",
        "en": "{path} is out of date; run planstrategi schema --force",
    },
    "git.missing": {
        "nb": "fant ikke programmet git; installer git for å bruke planstrategi diff",
        "en": "could not find the git program; install git to use planstrategi diff",
    },
    "git.failed": {"nb": "{command} feilet: {detail}", "en": "{command} failed: {detail}"},
    "git.not-a-repository": {
        "nb": "«{path}» er ikke i et git-depot; planstrategi diff sammenligner revisjoner i git",
        "en": "'{path}' is not in a git repository; planstrategi diff compares revisions in git",
    },
    "git.bad-revision": {
        "nb": "fant ikke revisjonen «{revision}» i git; sjekk navnet (en gren, en tagg eller en commit)",
        "en": "could not find the revision '{revision}' in git; check the name (a branch, a tag or a commit)",
    },
    "git.shallow": {
        "nb": "fant ikke «{revision}»: dette er en grunn klone uten hele historikken; hent den med "
        "git fetch --unshallow (i GitHub Actions: actions/checkout med fetch-depth: 0)",
        "en": "could not find '{revision}': this is a shallow clone without the whole history; fetch it with "
        "git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)",
    },
    "git.no-merge-base": {
        "nb": "HEAD og «{revision}» har ingen felles historikk; oppgi grunnlaget: planstrategi diff BASE",
        "en": "HEAD and '{revision}' share no history; give the base: planstrategi diff BASE",
    },
    "git.no-default-branch": {
        "nb": "fant ingen standardgren (origin/HEAD, main eller master); oppgi grunnlaget: planstrategi diff BASE",
        "en": "found no default branch (origin/HEAD, main or master); give the base: planstrategi diff BASE",
    },
    "git.outside-repository": {
        "nb": "registeret «{path}» ligger utenfor git-depotet {repo}",
        "en": "the register '{path}' lies outside the git repository {repo}",
    },
    "diff.title": {
        "nb": "Endringer i oversikten over planer fra {base} til {head}",
        "en": "Changes to the plan overview from {base} to {head}",
    },
    "diff.worktree": {"nb": "arbeidskopien", "en": "the working tree"},
    "diff.none": {"nb": "ingen endringer", "en": "no changes"},
    "diff.count.added.one": {"nb": "{n} ny plan", "en": "{n} plan added"},
    "diff.count.added.other": {"nb": "{n} nye planer", "en": "{n} plans added"},
    "diff.count.removed.one": {"nb": "{n} fjernet", "en": "{n} removed"},
    "diff.count.removed.other": {"nb": "{n} fjernet", "en": "{n} removed"},
    "diff.count.renamed.one": {"nb": "{n} omdøpt", "en": "{n} renamed"},
    "diff.count.renamed.other": {"nb": "{n} omdøpt", "en": "{n} renamed"},
    "diff.count.changed.one": {"nb": "{n} endret", "en": "{n} changed"},
    "diff.count.changed.other": {"nb": "{n} endret", "en": "{n} changed"},
    "diff.count.other": {"nb": "endringer i andre filer", "en": "changes in other files"},
    "diff.empty-value": {"nb": "(tom)", "en": "(empty)"},
    "diff.quote": {"nb": "«{text}»", "en": "'{text}'"},
    "diff.plan-added": {"nb": "ny plan", "en": "new plan"},
    "diff.plan-removed": {"nb": "fjernet", "en": "removed"},
    "diff.plan-renamed": {"nb": "omdøpt fra {old}", "en": "renamed from {old}"},
    "diff.plan-changed": {"nb": "endret", "en": "changed"},
    "diff.md-added": {"nb": "Ny", "en": "Added"},
    "diff.md-removed": {"nb": "Fjernet", "en": "Removed"},
    "diff.md-renamed": {"nb": "Omdøpt", "en": "Renamed"},
    "diff.md-changed": {"nb": "Endret", "en": "Changed"},
    "diff.revision-moved": {
        "nb": "revisjonen er flyttet fra {old} til {new}",
        "en": "the revision moved from {old} to {new}",
    },
    "diff.revision-added": {"nb": "ny revisjon i {new}", "en": "a revision added in {new}"},
    "diff.revision-removed": {"nb": "revisjonen i {old} er fjernet", "en": "the revision in {old} removed"},
    "diff.revision-state": {
        "nb": "revisjonen i {where}: {old} → {new}",
        "en": "the revision in {where}: {old} → {new}",
    },
    "diff.revision-work": {
        "nb": "arbeidet med revisjonen i {where}: {old} → {new}",
        "en": "the work on the revision in {where}: {old} → {new}",
    },
    "diff.revision-decision": {
        "nb": "vedtaket om revisjonen i {where}: {old} → {new}",
        "en": "the decision on the revision in {where}: {old} → {new}",
    },
    "diff.revision-note": {
        "nb": "merknaden til revisjonen i {where}: {old} → {new}",
        "en": "the note on the revision in {where}: {old} → {new}",
    },
    "diff.status": {"nb": "status: {old} → {new}", "en": "status: {old} → {new}"},
    "diff.adopted": {"nb": "vedtatt: {old} → {new}", "en": "adopted: {old} → {new}"},
    "diff.field": {"nb": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    "diff.goal-added": {"nb": "nytt mål: {new}", "en": "goal added: {new}"},
    "diff.goal-removed": {"nb": "mål fjernet: {old}", "en": "goal dropped: {old}"},
    "diff.goal-changed": {"nb": "mål endret: {new}", "en": "goal changed: {new}"},
    "diff.strategy-added": {"nb": "ny strategi: {new} (under {where})", "en": "strategy added: {new} (under {where})"},
    "diff.strategy-removed": {
        "nb": "strategi fjernet: {old} (under {where})",
        "en": "strategy dropped: {old} (under {where})",
    },
    "diff.measure-added": {"nb": "nytt tiltak: {new} (under {where})", "en": "measure added: {new} (under {where})"},
    "diff.measure-removed": {
        "nb": "tiltak fjernet: {old} (under {where})",
        "en": "measure dropped: {old} (under {where})",
    },
    "diff.file-added": {"nb": "{name} er lagt til", "en": "{name} was added"},
    "diff.file-removed": {"nb": "{name} er fjernet", "en": "{name} was removed"},
    "diff.file-changed": {"nb": "{name} er endret", "en": "{name} was changed"},
    "diff.unreadable": {
        "nb": "{path} kan ikke leses i {side}: {problem}",
        "en": "{path} cannot be read in {side}: {problem}",
    },
    "diff.absent": {
        "nb": "registermappen {path} finnes ikke i {side}; den er regnet som tom",
        "en": "the register folder {path} does not exist in {side}; it is treated as empty",
    },
    "new.no-home": {
        "nb": "kan ikke lese hjemkommunen fra {path}; oppgi --municipality eller rett filen (planstrategi validate)",
        "en": "cannot read the home municipality from {path}; give --municipality or fix the file "
        "(planstrategi validate)",
    },
    "new.known-categories": {"nb": "; kjente grupper: {names}", "en": "; known groups: {names}"},
    "new.no-slug": {
        "nb": "tittelen «{title}» gir ikke noe filnavn; bruk bokstaver eller tall i tittelen",
        "en": "the title '{title}' gives no file name; use letters or digits in the title",
    },
    "new.bad-adopted": {
        "nb": "--adopted «{value}» er verken et årstall (2021) eller en dato (2021-11-18)",
        "en": "--adopted '{value}' is neither a year (2021) nor a date (2021-11-18)",
    },
    "new.invalid": {
        "nb": "{path} ville ikke blitt gyldig, så den er ikke skrevet: {problems}",
        "en": "{path} would not be valid, so it was not written: {problems}",
    },
    "init.bad-number": {
        "nb": "kommunenummer er fire sifre, f.eks. 5025, ikke «{number}»",
        "en": "a municipality number is four digits, e.g. 5025, not '{number}'",
    },
    "init.no-name": {
        "nb": "kjenner ikke navnet på kommune {number}; oppgi det med --name",
        "en": "the name of municipality {number} is not known; give it with --name",
    },
    "init.not-a-folder": {"nb": "«{path}» er en fil, ikke en mappe", "en": "'{path}' is a file, not a folder"},
    "init.not-empty": {
        "nb": "mappen «{path}» er ikke tom; velg en ny mappe, eller bruk --force for å skrive over filene "
        "med samme navn",
        "en": "the folder '{path}' is not empty; choose a new folder, or use --force to overwrite the files "
        "with the same names",
    },
    "init.done": {
        "nb": "Nytt register for {name} ({number}) i {path}. Videre: cd {path} && git init, "
        'så planstrategi new "Tittel" --category … eller planstrategi import oversikt.csv',
        "en": "New register for {name} ({number}) in {path}. Next: cd {path} && git init, "
        'then planstrategi new "Title" --category … or planstrategi import overview.csv',
    },
    "init.readme": {
        "nb": "# Oversikt over planer – {name} kommune\n\n"
        "Kommunens planer, strategier og reglementer, én YAML-fil per plan, kontrollert med planstrategi.\n\n"
        '- `data/plans/` – én fil per plan: `planstrategi new "Tittel" --category … --kind …`\n'
        "- `data/goals/` – mål, strategier og tiltak i en plan\n"
        "- `data/categories.yaml` – gruppene i oversikten\n"
        "- `data/municipalities.yaml` – kommunen ({number}) og samarbeidskommunene\n"
        "- `schemas/` – JSON Schema, for autofullføring i redigeringsprogrammet\n\n"
        "Kontroller registeret med `planstrategi validate`; se hva som er endret med `planstrategi diff`.\n",
        "en": "# Plan overview – {name} municipality\n\n"
        "The municipality's plans, strategies and regulations, one YAML file per plan, checked by planstrategi.\n\n"
        '- `data/plans/` – one file per plan: `planstrategi new "Title" --category … --kind …`\n'
        "- `data/goals/` – the goals, strategies and measures of a plan\n"
        "- `data/categories.yaml` – the groups of the overview\n"
        "- `data/municipalities.yaml` – the municipality ({number}) and its partners\n"
        "- `schemas/` – JSON Schema, for completion in the editor\n\n"
        "Check the register with `planstrategi validate`; see what changed with `planstrategi diff`.\n",
    },
    "help.schema": {
        "nb": "Skriv JSON Schema-filene (schemas/) som redigeringsprogram og CI kontrollerer filene mot.",
        "en": "Write the JSON Schema files (schemas/) that editors and CI check the files against.",
    },
    "help.diff": {
        "nb": "Vis hva som er endret i oversikten over planer mellom to git-revisjoner, med planleggerens ord.",
        "en": "Show what changed in the plan overview between two git revisions, in a planner's terms.",
    },
    "help.new": {
        "nb": "Lag en ny, gyldig planfil data/plans/<id>.yaml fra tittelen.",
        "en": "Write a new, valid plan file data/plans/<id>.yaml from the title.",
    },
    "help.init": {
        "nb": "Start et tomt register for en annen kommune, med skjemaer, pre-commit og CI.",
        "en": "Start an empty register for another municipality, with schemas, pre-commit and CI.",
    },
    "help.import": {
        "nb": "Lag planfiler fra en oversikt over planer i et regneark (CSV).",
        "en": "Write plan files from a plan overview kept in a spreadsheet (CSV).",
    },
    "import.row": {"nb": "rad {n}", "en": "row {n}"},
    "import.unknown-column": {
        "nb": "kolonnen «{name}» er ukjent og blir ikke lest; kjente kolonner: navn, vedtatt, 23 … 27, merknad, "
        "kategori, type",
        "en": "the column '{name}' is unknown and is not read; known columns: name, adopted, 23 … 27, remark, "
        "category, kind",
    },
    "import.no-title-column": {
        "nb": "fant ingen kolonne med plannavnet; første rad skal ha overskrifter som navn, vedtatt, 23, 24 …",
        "en": "found no column with the plan's name; the first row should hold headings like name, adopted, 23, 24 …",
    },
    "import.empty": {"nb": "filen er tom", "en": "the file is empty"},
    "import.no-title": {"nb": "raden har ikke noe plannavn", "en": "the row has no plan name"},
    "import.same-id": {
        "nb": "gir samme fil ({id}.yaml) som rad {row}; gi planene ulike navn",
        "en": "gives the same file ({id}.yaml) as row {row}; give the plans different names",
    },
    "import.bad-adopted": {
        "nb": "«{value}» under vedtatt er verken et årstall (2021) eller en dato (18.11.2021)",
        "en": "'{value}' under adopted is neither a year (2021) nor a date (18.11.2021)",
    },
    "import.bad-mark": {
        "nb": "«{value}» i kolonnen for {year}: skriv x der revisjonen er planlagt, ellers ingenting",
        "en": "'{value}' in the column for {year}: write x where the revision is planned, else nothing",
    },
    "import.no-category": {
        "nb": "raden hører ikke til noen gruppe; legg til en kategori-kolonne, en overskriftsrad, "
        "eller bruk --category",
        "en": "the row belongs to no group; add a category column, a heading row, or use --category",
    },
    "import.no-categories": {
        "nb": "kan ikke lese gruppene fra {path}; rett filen først (planstrategi validate)",
        "en": "cannot read the groups from {path}; fix the file first (planstrategi validate)",
    },
    "import.unreadable": {"nb": "kan ikke lese {path}: {reason}", "en": "cannot read {path}: {reason}"},
    "import.exists": {
        "nb": "{path} finnes allerede; import skriver aldri over en planfil",
        "en": "{path} already exists; import never overwrites a plan file",
    },
    "import.nothing-written": {
        "nb": "ingen filer er skrevet ({problems} problemer); rett radene, eller bruk --partial for å skrive resten",
        "en": "no files were written ({problems} problems); fix the rows, or use --partial to write the rest",
    },
    "import.done": {
        "nb": "planfiler skrevet: {written}; problemer: {problems}",
        "en": "plan files written: {written}; problems: {problems}",
    },
    # --- upgrade ---
    "help.upgrade": {
        "nb": "Skriv planfilene om fra format 0.1 til 0.2 (year blir target i revisjonene); kommentarer og alt "
        "annet blir som før.",
        "en": "Rewrite the plan files from format 0.1 to 0.2 (year becomes target in the revisions); comments and "
        "everything else stay as they are.",
    },
    "opt.dry-run": {"nb": "Vis endringene uten å skrive noe.", "en": "Show the changes without writing anything."},
    "upgrade-conflict": {
        "nb": "revisjonen har både year og target (year er det gamle navnet på target); behold den som stemmer, "
        "slett den andre og kjør upgrade igjen",
        "en": "the revision has both year and target (year is the old name of target); keep the one that is "
        "right, delete the other and run upgrade again",
    },
    "upgrade-manual": {
        "nb": "upgrade kan ikke gjøre year om til target her: {detail}; endre year til target for hånd",
        "en": "upgrade cannot turn year into target here: {detail}; change year to target by hand",
    },
    "upgrade.spelled": {"nb": "nøkkelen er skrevet {key}", "en": "the key is written {key}"},
    "upgrade.unexpected": {"nb": "resultatet ble ikke som ventet", "en": "the result was not as expected"},
    "upgrade-invalid": {
        "nb": "ikke oppgradert: filen ville hatt feil etter oppgraderingen (se linjene under); rett dem og kjør "
        "upgrade igjen",
        "en": "not upgraded: the file would have errors after the upgrade (see the lines below); fix them and run "
        "upgrade again",
    },
    "upgrade.files-one": {"nb": "{n} fil", "en": "{n} file"},
    "upgrade.files-many": {"nb": "{n} filer", "en": "{n} files"},
    "upgrade.done": {
        "nb": "upgrade: {files} oppgradert, {unchanged} uendret",
        "en": "upgrade: {files} upgraded, {unchanged} unchanged",
    },
    "upgrade.done-dry-run": {
        "nb": "upgrade: {files} ville blitt oppgradert, {unchanged} uendret",
        "en": "upgrade: {files} would be upgraded, {unchanged} unchanged",
    },
    "upgrade.with-problems": {
        "nb": "{summary}; ikke endret på grunn av problemer: {files}",
        "en": "{summary}; not changed because of problems: {files}",
    },
    # --- hostile input ---------------------------------------------------------------------------
    "link-loop": {
        "nb": "dette er en symbolsk lenke som går i ring (den peker tilbake på seg selv); slett lenken, eller la "
        "den peke på en fil i registeret",
        "en": "this is a symbolic link that goes round in a loop (it points back at itself); delete the link, or "
        "point it at a file in the register",
    },
    "not-a-folder": {
        "nb": "dette skal være en mappe, men er en fil; flytt filen bort og lag mappen",
        "en": "this should be a folder but is a file; move the file away and make the folder",
    },
    "unreadable-folder": {
        "nb": "mappen kan ikke leses ({reason}), så ingen av filene i den er kontrollert; sjekk at du har "
        "lesetilgang til den",
        "en": "the folder cannot be read ({reason}), so none of its files were checked; check that you may read it",
    },
    "tag-mismatch": {
        "nb": "en YAML-tagg (!!map, !!seq, !!str …) passer ikke til verdien den står foran; fjern taggen",
        "en": "a YAML tag (!!map, !!seq, !!str …) does not fit the value it stands before; remove the tag",
    },
    "more-problems": {
        "nb": "{n} problemer til i denne filen er ikke vist (grensen er {limit} per fil); rett de første og "
        "kjør på nytt",
        "en": "{n} more problems in this file are not shown (the limit is {limit} per file); fix the first ones "
        "and run again",
    },
    "rule.link-loop": {"nb": "Lenke i ring", "en": "Symbolic link loop"},
    "rule-help.link-loop": {
        "nb": "En symbolsk lenke som peker på seg selv, eller på en lenke som peker tilbake, kan ikke leses. "
        "Slett den, eller la den peke på en fil.",
        "en": "A symbolic link that points at itself, or at a link that points back, cannot be read. Delete it, "
        "or point it at a file.",
    },
    "rule.not-a-folder": {"nb": "Fil der en mappe skal være", "en": "File where a folder belongs"},
    "rule-help.not-a-folder": {
        "nb": "plans/ og goals/ er mapper med én fil per plan. Flytt filen bort og lag mappen.",
        "en": "plans/ and goals/ are folders with one file per plan. Move the file away and make the folder.",
    },
    "rule.unreadable-folder": {"nb": "Mappen kan ikke leses", "en": "Folder cannot be read"},
    "rule-help.unreadable-folder": {
        "nb": "Ingen filer i en mappe som ikke kan leses, blir kontrollert. Gi lesetilgang til mappen.",
        "en": "No file in a folder that cannot be read is checked. Give read access to the folder.",
    },
    "rule.tag-mismatch": {"nb": "Tagg som ikke passer", "en": "Tag that does not fit"},
    "rule-help.tag-mismatch": {
        "nb": "Et register trenger ingen YAML-tagger. En tagg som !!map foran en liste kan ikke leses. Fjern taggen.",
        "en": "A register needs no YAML tags. A tag such as !!map before a list cannot be read. Remove the tag.",
    },
    "rule.more-problems": {"nb": "Flere problemer", "en": "More problems"},
    "rule-help.more-problems": {
        "nb": "Bare de første problemene i en fil vises, så en fil med tusenvis av feil ikke drukner resten. "
        "Rett de første og kjør på nytt.",
        "en": "Only the first problems of a file are shown, so that a file with thousands of mistakes does not "
        "drown the rest. Fix the first ones and run again.",
    },
    # --- CI and install ---
    "init.install-index": {
        "nb": "CI og pre-commit installerer {requirement} (samme versjon som denne, fra pakkeindeksen)",
        "en": "CI and pre-commit install {requirement} (this version, from the package index)",
    },
    "init.install-vcs": {
        "nb": "CI og pre-commit installerer {requirement} (samme commit som denne ble installert fra)",
        "en": "CI and pre-commit install {requirement} (the commit this copy was installed from)",
    },
    "init.install-url": {
        "nb": "CI og pre-commit installerer {requirement} (adressen denne ble installert fra)",
        "en": "CI and pre-commit install {requirement} (the address this copy was installed from)",
    },
    "init.install-option": {
        "nb": "CI og pre-commit installerer {requirement} (fra --install)",
        "en": "CI and pre-commit install {requirement} (from --install)",
    },
    "init.install-unreachable": {
        "nb": "denne planstrategi kommer fra «{where}», som CI ikke når; si hvor CI skal hente den med --install, "
        'f.eks. --install "planstrategi=={version}" eller --install "planstrategi @ git+https://…/planstrategi.git@<commit>"',
        "en": "this planstrategi comes from '{where}', which CI cannot reach; say where CI gets it with --install, "
        'e.g. --install "planstrategi=={version}" or --install "planstrategi @ git+https://…/planstrategi.git@<commit>"',
    },
    "init.install-bad": {
        "nb": "«{value}» er ikke et pip-krav for planstrategi; skriv f.eks. planstrategi=={version} eller "
        '"planstrategi @ git+https://…/planstrategi.git@<commit>"',
        "en": "'{value}' is not a pip requirement for planstrategi; write e.g. planstrategi=={version} or "
        '"planstrategi @ git+https://…/planstrategi.git@<commit>"',
    },
    # --- remind (issue #19) ---
    "help.remind": {
        "nb": "Påminnelser som GitHub-saker: hvilke saker som skal opprettes, oppdateres, gjenåpnes eller lukkes "
        "for planene som trenger handling (forfalt, utløpt, lovkrav i år, frist innen N måneder).",
        "en": "Reminders as GitHub issues: which issues to open, update, reopen or close for the plans that need "
        "action (overdue, expired, due by law this year, a deadline within N months).",
    },
    "opt.within-months": {
        "nb": "Ta med frister innen så mange måneder fra datoen (0–24).",
        "en": "Include deadlines within this many months of the date (0–24).",
    },
    "opt.existing": {
        "nb": "Sakene som finnes, slik gh issue list --label planstrategi --state all --limit 1000 "
        "--json number,title,body,state,assignees,labels skriver dem (uten filen: ingen).",
        "en": "The existing issues, as gh issue list --label planstrategi --state all --limit 1000 "
        "--json number,title,body,state,assignees,labels prints them (without it: none).",
    },
    "opt.remind-format": {
        "nb": "text (for deg) eller json (handlingene arbeidsflyten utfører).",
        "en": "text (for you) or json (the actions the workflow applies).",
    },
    "opt.remind-day": {
        "nb": "Dagen i måneden påminnelsene kjøres (1–28).",
        "en": "The day of the month the reminders run (1–28).",
    },
    "github-user-twice": {
        "nb": "«{name}» står to ganger i github-users.yaml; ta med hver ansvarlig én gang",
        "en": "'{name}' is in github-users.yaml twice; list each responsible once",
    },
    "github-user-unused": {
        "nb": "ingen plan har «{name}» som ansvarlig (responsible); skriv navnet slik planfilene skriver det, "
        "eller fjern oppføringen",
        "en": "no plan has '{name}' as its responsible; write the name as the plan files write it, or remove the entry",
    },
    "rule.github-user-twice": {"nb": "Ansvarlig to ganger i github-users.yaml", "en": "Responsible listed twice"},
    "rule-help.github-user-twice": {
        "nb": "Hver ansvarlig kan ha én GitHub-bruker. Slå sammen oppføringene, eller fjern den ene.",
        "en": "Each responsible can have one GitHub user. Merge the entries, or remove one of them.",
    },
    "rule.github-user-unused": {
        "nb": "GitHub-bruker for en ansvarlig ingen plan har",
        "en": "GitHub user for a responsible no plan has",
    },
    "rule-help.github-user-unused": {
        "nb": "Navnet må stå som i planfilenes responsible (store og små bokstaver spiller ingen rolle). "
        "Rett skrivemåten, eller fjern oppføringen.",
        "en": "The name must be written as in the plan files' responsible (case does not matter). "
        "Correct the spelling, or remove the entry.",
    },
    "why.github-login": {
        "nb": "et GitHub-brukernavn har bare bokstaver a–z, sifre og enkle bindestreker inne i navnet, uten @",
        "en": "a GitHub user name has only letters a–z, digits and single hyphens inside the name, no @",
    },
    "why.too-long": {"nb": "kan ha høyst {max} tegn", "en": "can have at most {max} characters"},
    "remind.register-errors": {
        "nb": "registeret har feil; rett dem først (planstrategi validate), så ingen sak lukkes fordi en planfil "
        "ikke kunne leses",
        "en": "the register has errors; fix them first (planstrategi validate), so that no issue is closed because "
        "a plan file could not be read",
    },
    "remind.existing-missing": {"nb": "{path}: filen finnes ikke", "en": "{path}: the file does not exist"},
    "remind.existing-too-large": {
        "nb": "{path}: filen er over {limit} byte; er det riktig fil?",
        "en": "{path}: the file is over {limit} bytes; is it the right file?",
    },
    "remind.existing-encoding": {
        "nb": "{path}: filen er ikke UTF-8; lag den på nytt med gh issue list … --json",
        "en": "{path}: the file is not UTF-8; make it again with gh issue list … --json",
    },
    "remind.existing-unreadable": {
        "nb": "{path}: filen kan ikke leses ({reason})",
        "en": "{path}: the file cannot be read ({reason})",
    },
    "remind.existing-json": {
        "nb": "{path}:{line}:{col}: ikke gyldig JSON ({why}); lag filen med gh issue list --label planstrategi "
        "--state all --limit 1000 --json number,title,body,state,assignees,labels",
        "en": "{path}:{line}:{col}: not valid JSON ({why}); make the file with gh issue list --label planstrategi "
        "--state all --limit 1000 --json number,title,body,state,assignees,labels",
    },
    "remind.existing-not-list": {
        "nb": "ikke en liste av saker; lag filen med gh issue list --label planstrategi --state all --limit 1000 "
        "--json number,title,body,state,assignees,labels",
        "en": "not a list of issues; make the file with gh issue list --label planstrategi --state all --limit 1000 "
        "--json number,title,body,state,assignees,labels",
    },
    "remind.existing-not-object": {
        "nb": "sak nr. {n} i lista er ikke et objekt ({{…}})",
        "en": "entry {n} of the list is not an object ({{…}})",
    },
    "remind.existing-field": {
        "nb": "sak nr. {n} i lista: «{field}» mangler eller har feil type; ventet {expected}",
        "en": "entry {n} of the list: '{field}' is missing or of the wrong type; expected {expected}",
    },
    "remind.label-description": {
        "nb": "Påminnelse fra planstrategi: planen trenger handling",
        "en": "Reminder from planstrategi: the plan needs action",
    },
    "remind.state-overdue": {"nb": "forfalt", "en": "overdue"},
    "remind.state-expired": {"nb": "gyldigheten er utløpt", "en": "validity has run out"},
    "remind.state-due": {"nb": "til revisjon", "en": "due for revision"},
    "remind.title": {"nb": "{title} – {state}", "en": "{title} – {state}"},
    "remind.body-intro": {
        "nb": "**{title}** ({kind}, {category}) trenger handling ifølge kommunens oversikt over planer.",
        "en": "**{title}** ({kind}, {category}) needs action according to the municipality's plan overview.",
    },
    "remind.body-why": {"nb": "Hvorfor", "en": "Why"},
    "remind.body-responsible": {"nb": "Ansvarlig:", "en": "Responsible:"},
    "remind.body-file": {"nb": "Fil:", "en": "File:"},
    "remind.body-next": {"nb": "Neste steg", "en": "Next steps"},
    "remind.body-no-responsible": {
        "nb": "ikke oppgitt (feltet responsible i planfilen)",
        "en": "not given (the field responsible in the plan file)",
    },
    "remind.body-unmapped": {
        "nb": "{responsible} (ikke i github-users.yaml, så saken er ikke tildelt noen)",
        "en": "{responsible} (not in github-users.yaml, so the issue is assigned to nobody)",
    },
    "remind.body-assigned": {
        "nb": "{responsible}, tildelt GitHub-brukeren {login}",
        "en": "{responsible}, assigned to the GitHub user {login}",
    },
    "remind.step-adopted": {
        "nb": "Når revisjonen er vedtatt, før vedtaket inn i en pull request: "
        "`planstrategi record {id} adopted --date DATO --case SAK`",
        "en": "Once the revision is adopted, record the decision in a pull request: "
        "`planstrategi record {id} adopted --date DATE --case CASE`",
    },
    "remind.step-postponed": {
        "nb": "Er revisjonen utsatt: `planstrategi record {id} postponed --to ÅR --date DATO --case SAK`",
        "en": "If the revision is postponed: `planstrategi record {id} postponed --to YEAR --date DATE --case CASE`",
    },
    "remind.step-started": {
        "nb": "Når arbeidet begynner: `planstrategi record {id} started`",
        "en": "When the work begins: `planstrategi record {id} started`",
    },
    "remind.step-planned": {
        "nb": "Planlegg revisjonen: `planstrategi record {id} planned --target ÅR`",
        "en": "Plan the revision: `planstrategi record {id} planned --target YEAR`",
    },
    "remind.body-footer": {
        "nb": "Saken holdes oppdatert av planstrategi hver måned og lukkes når planen ikke lenger trenger handling. "
        "La den skjulte markøren nederst i teksten stå.",
        "en": "planstrategi keeps this issue up to date every month and closes it when the plan no longer needs "
        "action. Leave the hidden marker at the end of the text as it is.",
    },
    "remind.comment-reopen": {
        "nb": "Planen trenger handling igjen per {date}: {reasons}. Gjenåpnet av planstrategi.",
        "en": "The plan needs action again as of {date}: {reasons}. Reopened by planstrategi.",
    },
    "remind.comment-duplicate": {
        "nb": "Samme plan som #{number}; denne saken lukkes som duplikat av planstrategi.",
        "en": "The same plan as #{number}; planstrategi closes this issue as a duplicate.",
    },
    "remind.comment-gone": {
        "nb": "Planen «{id}» finnes ikke lenger i registeret; saken lukkes av planstrategi.",
        "en": "The plan '{id}' is no longer in the register; planstrategi closes this issue.",
    },
    "remind.comment-no-longer-due": {
        "nb": "Planen trenger ikke lenger handling per {date} ifølge oversikten over planer (revisjonen er for "
        "eksempel vedtatt, utsatt eller planlagt senere); saken lukkes av planstrategi.",
        "en": "The plan no longer needs action as of {date} according to the plan overview (the revision was, "
        "for instance, adopted, postponed or planned for later); planstrategi closes this issue.",
    },
    "remind.months-one": {"nb": "{n} måned", "en": "{n} month"},
    "remind.months-many": {"nb": "{n} måneder", "en": "{n} months"},
    "remind.text-head-one": {
        "nb": "Påminnelser per {date} (forfalt, utløpt, lovkrav i år eller frist innen {months}): "
        "1 plan trenger handling.",
        "en": "Reminders as of {date} (overdue, expired, due by law this year or a deadline within {months}): "
        "1 plan needs action.",
    },
    "remind.text-head-many": {
        "nb": "Påminnelser per {date} (forfalt, utløpt, lovkrav i år eller frist innen {months}): "
        "{n} planer trenger handling.",
        "en": "Reminders as of {date} (overdue, expired, due by law this year or a deadline within {months}): "
        "{n} plans need action.",
    },
    "remind.section-create": {"nb": "Opprettes ({n}):", "en": "To open ({n}):"},
    "remind.section-reopen": {"nb": "Gjenåpnes ({n}):", "en": "To reopen ({n}):"},
    "remind.section-update": {"nb": "Oppdateres ({n}):", "en": "To update ({n}):"},
    "remind.section-close": {"nb": "Lukkes ({n}):", "en": "To close ({n}):"},
    "remind.section-none": {"nb": "Uendret ({n}):", "en": "Unchanged ({n}):"},
    "remind.why-no-longer-due": {"nb": "trenger ikke lenger handling", "en": "no longer needs action"},
    "remind.why-plan-gone": {
        "nb": "planen finnes ikke lenger i registeret",
        "en": "the plan is no longer in the register",
    },
    "remind.why-duplicate": {"nb": "duplikat av #{number}", "en": "duplicate of #{number}"},
    "remind.text-changed": {"nb": "(endret: {fields})", "en": "(changed: {fields})"},
    "remind.field-title": {"nb": "tittel", "en": "title"},
    "remind.field-body": {"nb": "tekst", "en": "body"},
    "remind.field-assignees": {"nb": "tildelt", "en": "assignees"},
    "remind.field-labels": {"nb": "etiketter", "en": "labels"},
    "remind.text-no-responsible-one": {
        "nb": "1 av sakene som opprettes, er for en plan uten ansvarlig (responsible) og tildeles ingen.",
        "en": "1 of the issues to open is for a plan with no responsible and is assigned to nobody.",
    },
    "remind.text-no-responsible-many": {
        "nb": "{n} av sakene som opprettes, er for planer uten ansvarlig (responsible) og tildeles ingen.",
        "en": "{n} of the issues to open are for plans with no responsible and are assigned to nobody.",
    },
    "remind.text-unmapped": {
        "nb": "ansvarlig: {responsible}, som ikke står i github-users.yaml; saken tildeles ingen",
        "en": "responsible: {responsible}, who is not in github-users.yaml; the issue is assigned to nobody",
    },
    "remind.text-assigned": {
        "nb": "ansvarlig: {responsible}; tildeles {login}",
        "en": "responsible: {responsible}; assigned to {login}",
    },
    "remind.text-nothing": {
        "nb": "Ingen plan trenger handling, og ingen sak skal endres.",
        "en": "No plan needs action, and no issue is to change.",
    },
    "remind.text-untouched-one": {
        "nb": "1 sak med etiketten planstrategi har ingen markør og er ikke rørt.",
        "en": "1 issue with the label planstrategi has no marker and is left alone.",
    },
    "remind.text-untouched-many": {
        "nb": "{n} saker med etiketten planstrategi har ingen markør og er ikke rørt.",
        "en": "{n} issues with the label planstrategi have no marker and are left alone.",
    },
    # --- record ---
    "help.record": {
        "nb": "Før inn det kommunestyret vedtok (vedtatt, startet, utsatt, avlyst, planlagt, erstattet, opphevet) "
        "i planfilene, med kommentarene bevart.",
        "en": "Record what the council decided (adopted, started, postponed, cancelled, planned, replaced, repealed) "
        "in the plan files, comments kept.",
    },
    "opt.record-id": {"nb": "Planens id (filnavnet uten .yaml).", "en": "The plan's id (its file name without .yaml)."},
    "opt.record-event": {
        "nb": "adopted, started, postponed, cancelled, planned, replaced-by eller repealed.",
        "en": "adopted, started, postponed, cancelled, planned, replaced-by or repealed.",
    },
    "opt.record-by": {"nb": "Med replaced-by: den nye planens id.", "en": "With replaced-by: the new plan's id."},
    "opt.record-date": {
        "nb": "Møtedatoen: 19.06.2025, 2025-06-19, eller et årstall.",
        "en": "The meeting's date: 19.06.2025, 2025-06-19, or a year.",
    },
    "opt.record-case": {
        "nb": "Saksnummeret, som i saksbehandlingssystemet (25/40, K-sak 12/25).",
        "en": "The case number, as the case-handling system writes it (25/40, K-sak 12/25).",
    },
    "opt.record-body": {
        "nb": "Hvem som vedtok: kommunestyret, formannskapet, …",
        "en": "Who decided: kommunestyret, formannskapet, …",
    },
    "opt.record-to": {"nb": "Med postponed: det nye målet (år eller dato).", "en": "With postponed: the new target."},
    "opt.record-target": {
        "nb": "Med planned: når revisjonen skal vedtas (år eller dato).",
        "en": "With planned: when the revision is to be adopted (year or date).",
    },
    "opt.record-work": {
        "nb": "Med planned: arbeidsårene, f.eks. 2025-2026.",
        "en": "With planned: the years of work, e.g. 2025-2026.",
    },
    "opt.record-year": {
        "nb": "Med started: året arbeidet startet (standard: i år).",
        "en": "With started: the year work started (default: this year).",
    },
    "opt.record-valid-from": {
        "nb": "Med adopted: første gyldige år.",
        "en": "With adopted: the first year it applies.",
    },
    "opt.record-valid-to": {
        "nb": "Med adopted: gjelder til og med år.",
        "en": "With adopted: the last year it applies.",
    },
    "opt.record-revision": {
        "nb": "Revisjonen det gjelder, ved målåret (standard: den som pågår, ellers den første).",
        "en": "The revision concerned, by its target year (default: the one in progress, else the first).",
    },
    "opt.record-note": {"nb": "Hva som ble vedtatt, med egne ord.", "en": "What was decided, in a few words."},
    "opt.record-from": {
        "nb": "Vedtakene fra et møte i én fil (YAML eller CSV); alle føres inn, eller ingen.",
        "en": "A meeting's decisions in one file (YAML or CSV); all are recorded, or none.",
    },
    "record.from-and-args": {
        "nb": "--from leser vedtakene fra filen; ta bort {given}",
        "en": "--from reads the decisions from the file; leave out {given}",
    },
    "record.no-event": {
        "nb": "oppgi planen og hendelsen, f.eks. planstrategi record eierskapsmelding postponed --to 2027 "
        "--date 19.06.2025 --case 12/25, eller bruk --from vedtak.yaml",
        "en": "give the plan and the event, e.g. planstrategi record eierskapsmelding postponed --to 2027 "
        "--date 19.06.2025 --case 12/25, or use --from decisions.yaml",
    },
    "record.closest": {"nb": "; nærmeste: {ids}", "en": "; closest: {ids}"},
    "record.none": {"nb": "ingen", "en": "none"},
    "record.nothing-written": {
        "nb": "record: ingenting er skrevet; rett det som står over og kjør record igjen",
        "en": "record: nothing was written; fix what is said above and run record again",
    },
    "record.done": {"nb": "record: {files} endret", "en": "record: {files} changed"},
    "record.done-dry-run": {
        "nb": "record: {files} ville blitt endret (--dry-run: ingenting er skrevet)",
        "en": "record: {files} would be changed (--dry-run: nothing was written)",
    },
    "record-unknown-event": {
        "nb": "ukjent hendelse «{value}»{hint}; kjente hendelser: {known}",
        "en": "unknown event '{value}'{hint}; known events: {known}",
    },
    "record-unknown-field": {"nb": "ukjent felt «{field}»{hint}", "en": "unknown field '{field}'{hint}"},
    "record-missing": {
        "nb": "mangler {field}, som {event} trenger",
        "en": "{field} is missing, which {event} needs",
    },
    "record-not-for": {
        "nb": "{field} hører ikke til hendelsen {event}; ta det bort",
        "en": "{field} does not belong to the event {event}; leave it out",
    },
    "record-bad-date": {
        "nb": "«{value}» er verken et årstall (2025) eller en dato (19.06.2025 eller 2025-06-19)",
        "en": "'{value}' is neither a year (2025) nor a date (19.06.2025 or 2025-06-19)",
    },
    "record-bad-year": {
        "nb": "«{value}» skal være et årstall, f.eks. 2025",
        "en": "'{value}' should be a year, e.g. 2025",
    },
    "record-bad-case": {
        "nb": "«{value}» er ikke et saksnummer; skriv det som i saksbehandlingssystemet, f.eks. 25/40 eller "
        "K-sak 12/25",
        "en": "'{value}' is not a case number; write it as the case-handling system does, e.g. 25/40 or K-sak 12/25",
    },
    "record-bad-body": {
        "nb": "ukjent organ «{value}»; velg ett av {known}",
        "en": "unknown body '{value}'; choose one of {known}",
    },
    "record-bad-work": {
        "nb": "«{value}» er ikke arbeidsår; skriv 2025 eller 2025-2026",
        "en": "'{value}' are not years of work; write 2025 or 2025-2026",
    },
    "record-unknown-plan": {
        "nb": "det finnes ingen plan «{id}» i registeret{hint}",
        "en": "there is no plan '{id}' in the register{hint}",
    },
    "record-date-future": {
        "nb": "vedtaksdatoen {date} er etter i dag ({today}); før inn vedtaket etter møtet",
        "en": "the decision date {date} is after today ({today}); record the decision after the meeting",
    },
    "record-date-outside-term": {
        "nb": "{date} ligger i {term}, men et vedtak som føres inn nå, er gjort i {sitting} eller {earlier}; "
        "sjekk årstallet",
        "en": "{date} falls in {term}, but a decision recorded now was made in {sitting} or {earlier}; check the year",
    },
    "record-year-out-of-range": {
        "nb": "{year} ligger utenfor det mulige tidsrommet {first}–{last}; sjekk årstallet",
        "en": "{year} lies outside the plausible range {first}–{last}; check the year",
    },
    "record-no-revision-in": {
        "nb": "«{id}» har ingen uavgjort revisjon i {year}; uavgjorte revisjoner: {years}",
        "en": "'{id}' has no undecided revision in {year}; undecided revisions: {years}",
    },
    "record-no-revision": {
        "nb": "«{id}» har ingen planlagt revisjon som {event} kan gjelde; før inn en først: "
        "planstrategi record {id} planned --target ÅR",
        "en": "'{id}' has no planned revision for {event} to apply to; record one first: "
        "planstrategi record {id} planned --target YEAR",
    },
    "record-already-started": {
        "nb": "arbeidet med revisjonen av «{id}» er allerede i gang (pågår)",
        "en": "work on the revision of '{id}' has already started (pågår)",
    },
    "record-not-later": {
        "nb": "«{id}» skal etter planen vedtas {target}; en utsettelse flytter den til senere, ikke til {to}",
        "en": "'{id}' is to be adopted {target}; a postponement moves it later, not to {to}",
    },
    "record-already-planned": {
        "nb": "«{id}» har allerede en revisjon planlagt i {year}",
        "en": "'{id}' already has a revision planned in {year}",
    },
    "record-same-plan": {
        "nb": "«{id}» kan ikke erstatte seg selv; oppgi id-en til den nye planen",
        "en": "'{id}' cannot replace itself; give the id of the new plan",
    },
    "record-repealed": {
        "nb": "«{id}» har status {status} (opphevet eller erstattet); {event} kan ikke føres inn på den",
        "en": "'{id}' has status {status} (repealed or replaced); {event} cannot be recorded on it",
    },
    "record-file-broken": {
        "nb": "{path} har feil; rett dem først (planstrategi validate), og før så inn vedtaket",
        "en": "{path} has errors; fix them first (planstrategi validate), then record the decision",
    },
    "record-layout": {
        "nb": "{path} er skrevet slik at record ikke kan endre den uten å flytte på noe (f.eks. "
        "{{target: 2025}} på én linje); gjør endringen for hånd",
        "en": "{path} is laid out so that record cannot change it without moving something (e.g. "
        "{{target: 2025}} on one line); make the change by hand",
    },
    "record-invalid": {
        "nb": "ikke ført inn: {path} ville fått feil (se linjene under)",
        "en": "not recorded: {path} would have errors (see the lines below)",
    },
    "record-from-shape": {
        "nb": "filen skal være en liste med vedtak, eller «decisions:» med en liste (og eventuelt møtets date "
        "og body); se README",
        "en": "the file should be a list of decisions, or 'decisions:' with a list (and optionally the "
        "meeting's date and body); see the README",
    },
    "record-from-row": {
        "nb": "hvert vedtak skal ha felt som «plan: …» og «event: …»",
        "en": "each decision should have fields such as 'plan: …' and 'event: …'",
    },
    "record-from-unreadable": {"nb": "kan ikke lese filen: {reason}", "en": "cannot read the file: {reason}"},
    "rule.record-unknown-event": {"nb": "Ukjent hendelse", "en": "Unknown event"},
    "rule-help.record-unknown-event": {
        "nb": "Hendelsen er en av adopted, started, postponed, cancelled, planned, replaced-by og repealed.",
        "en": "The event is one of adopted, started, postponed, cancelled, planned, replaced-by and repealed.",
    },
    "rule.record-unknown-field": {"nb": "Ukjent felt i et vedtak", "en": "Unknown field in a decision"},
    "rule-help.record-unknown-field": {
        "nb": "Et vedtak har feltene plan, event, date, case, body, to, target, work, year, by, valid_from, "
        "valid_to, revision og note.",
        "en": "A decision has the fields plan, event, date, case, body, to, target, work, year, by, valid_from, "
        "valid_to, revision and note.",
    },
    "rule.record-missing": {"nb": "Et felt mangler", "en": "A field is missing"},
    "rule-help.record-missing": {
        "nb": "Hver hendelse trenger sine felt: postponed trenger to og date, planned trenger target, og så videre.",
        "en": "Each event needs its fields: postponed needs to and date, planned needs target, and so on.",
    },
    "rule.record-not-for": {"nb": "Feltet hører ikke til hendelsen", "en": "Field does not belong to the event"},
    "rule-help.record-not-for": {
        "nb": "Et felt som hendelsen ikke bruker, er trolig en feil; ta det bort eller velg riktig hendelse.",
        "en": "A field the event does not use is probably a mistake; leave it out or choose the right event.",
    },
    "rule.record-bad-date": {"nb": "Ikke en dato", "en": "Not a date"},
    "rule-help.record-bad-date": {
        "nb": "Skriv datoen 19.06.2025 eller 2025-06-19, eller bare året.",
        "en": "Write the date 19.06.2025 or 2025-06-19, or just the year.",
    },
    "rule.record-bad-year": {"nb": "Ikke et årstall", "en": "Not a year"},
    "rule-help.record-bad-year": {"nb": "Skriv et årstall, f.eks. 2025.", "en": "Write a year, e.g. 2025."},
    "rule.record-bad-case": {"nb": "Ikke et saksnummer", "en": "Not a case number"},
    "rule-help.record-bad-case": {
        "nb": "Et saksnummer er løpenummer/år, som 25/40; K-sak, PS og lignende foran tas bort.",
        "en": "A case number is number/year, such as 25/40; a K-sak, PS or similar in front is dropped.",
    },
    "rule.record-bad-body": {"nb": "Ukjent organ", "en": "Unknown body"},
    "rule-help.record-bad-body": {
        "nb": "Organet er kommunestyret, formannskapet, utvalg, kontrollutvalget, administrativt, interkommunalt "
        "eller staten.",
        "en": "The body is kommunestyret, formannskapet, utvalg, kontrollutvalget, administrativt, interkommunalt "
        "or staten.",
    },
    "rule.record-bad-work": {"nb": "Ikke arbeidsår", "en": "Not years of work"},
    "rule-help.record-bad-work": {
        "nb": "Skriv arbeidsårene som 2025 eller 2025-2026.",
        "en": "Write the years of work as 2025 or 2025-2026.",
    },
    "rule.record-unknown-plan": {"nb": "Ukjent plan", "en": "Unknown plan"},
    "rule-help.record-unknown-plan": {
        "nb": "Planen oppgis med id-en sin, filnavnet i data/plans/ uten .yaml.",
        "en": "A plan is named by its id, its file name in data/plans/ without .yaml.",
    },
    "rule.record-date-future": {"nb": "Vedtaksdato i framtiden", "en": "Decision date in the future"},
    "rule-help.record-date-future": {
        "nb": "Et vedtak føres inn etter møtet; en dato etter i dag er nesten alltid en skrivefeil.",
        "en": "A decision is recorded after the meeting; a date after today is almost always a typo.",
    },
    "rule.record-date-outside-term": {
        "nb": "Vedtaksdato i en annen valgperiode",
        "en": "Decision date in another term",
    },
    "rule-help.record-date-outside-term": {
        "nb": "Et vedtak som føres inn nå, er gjort av det sittende kommunestyret eller det forrige.",
        "en": "A decision recorded now was made by the sitting council or the one before it.",
    },
    "rule.record-year-out-of-range": {"nb": "Årstall utenfor mulig tidsrom", "en": "Year outside the plausible range"},
    "rule-help.record-year-out-of-range": {
        "nb": "Et mål ligger fra i år til slutten av neste valgperiode; et startår i denne eller forrige valgperiode.",
        "en": "A target lies from this year to the end of the next term; a start year in this term or the last.",
    },
    "rule.record-no-revision-in": {"nb": "Ingen revisjon det året", "en": "No revision that year"},
    "rule-help.record-no-revision-in": {
        "nb": "--revision velger en uavgjort revisjon ved målåret sitt.",
        "en": "--revision picks an undecided revision by its target year.",
    },
    "rule.record-no-revision": {"nb": "Ingen planlagt revisjon", "en": "No planned revision"},
    "rule-help.record-no-revision": {
        "nb": "Før inn revisjonen først med planned, så kan den startes, utsettes eller avlyses.",
        "en": "Record the revision first with planned; then it can be started, postponed or cancelled.",
    },
    "rule.record-already-started": {"nb": "Arbeidet er allerede i gang", "en": "Work has already started"},
    "rule-help.record-already-started": {
        "nb": "Revisjonen har allerede state: pågår.",
        "en": "The revision already has state: pågår.",
    },
    "rule.record-not-later": {"nb": "Utsettelse som ikke utsetter", "en": "Postponement that does not postpone"},
    "rule-help.record-not-later": {
        "nb": "En utsettelse flytter målet til et senere år eller en senere dato.",
        "en": "A postponement moves the target to a later year or date.",
    },
    "rule.record-already-planned": {"nb": "Revisjonen er allerede planlagt", "en": "Revision already planned"},
    "rule-help.record-already-planned": {
        "nb": "Planen har allerede en uavgjort revisjon med samme målår.",
        "en": "The plan already has an undecided revision with the same target year.",
    },
    "rule.record-same-plan": {"nb": "Planen erstatter seg selv", "en": "Plan replaces itself"},
    "rule-help.record-same-plan": {
        "nb": "replaced-by tar id-en til den nye planen, som må finnes i registeret.",
        "en": "replaced-by takes the id of the new plan, which must be in the register.",
    },
    "rule.record-repealed": {"nb": "Planen er opphevet eller erstattet", "en": "Plan repealed or replaced"},
    "rule-help.record-repealed": {
        "nb": "En plan med status utgått eller erstattet får ingen nye vedtak; sjekk at det er riktig plan.",
        "en": "A plan with status utgått or erstattet takes no new decisions; check that it is the right plan.",
    },
    "rule.record-file-broken": {"nb": "Planfilen har feil", "en": "The plan file has errors"},
    "rule-help.record-file-broken": {
        "nb": "Rett feilene som planstrategi validate viser, og før så inn vedtaket.",
        "en": "Fix the problems planstrategi validate shows, then record the decision.",
    },
    "rule.record-layout": {"nb": "Kan ikke endres uten å flytte på noe", "en": "Cannot be changed cleanly"},
    "rule-help.record-layout": {
        "nb": "record endrer bare linjene det gjelder; en revisjon på én linje i krøllparenteser endres for hånd.",
        "en": "record changes only the lines concerned; a revision written on one line in braces is changed by hand.",
    },
    "rule.record-invalid": {
        "nb": "Vedtaket ville gjort filen ugyldig",
        "en": "The decision would make the file invalid",
    },
    "rule-help.record-invalid": {
        "nb": "Resultatet kontrolleres som validate gjør; linjene under sier hva som ville vært feil.",
        "en": "The result is checked as validate checks it; the lines below say what would be wrong.",
    },
    "rule.record-from-shape": {"nb": "Ikke en liste med vedtak", "en": "Not a list of decisions"},
    "rule-help.record-from-shape": {
        "nb": "En vedtaksfil er en liste, eller decisions: med en liste og eventuelt møtets date og body.",
        "en": "A decisions file is a list, or decisions: with a list and optionally the meeting's date and body.",
    },
    "rule.record-from-row": {"nb": "Et vedtak uten felt", "en": "A decision without fields"},
    "rule-help.record-from-row": {
        "nb": "Hvert vedtak har felt som plan: og event:.",
        "en": "Each decision has fields such as plan: and event:.",
    },
    "rule.record-from-unreadable": {"nb": "Filen kan ikke leses", "en": "The file cannot be read"},
    "rule-help.record-from-unreadable": {
        "nb": "Sjekk filnavnet og at filen kan leses.",
        "en": "Check the file name and that the file can be read.",
    },
    "diff.decision": {"nb": " ({parts})", "en": " ({parts})"},
    "diff.decision-case": {"nb": "sak {case}", "en": "case {case}"},
    "diff.revision-adopted": {
        "nb": "revisjonen i {where} er vedtatt{decision}",
        "en": "the revision in {where} was adopted{decision}",
    },
    "diff.revision-cancelled": {
        "nb": "revisjonen i {where} er avlyst{decision}",
        "en": "the revision in {where} was cancelled{decision}",
    },
    "diff.revision-postponed": {
        "nb": "utsatt fra {old} til {new}{decision}",
        "en": "postponed from {old} to {new}{decision}",
    },
    "diff.replaced": {"nb": "erstattet av {new}{decision}", "en": "replaced by {new}{decision}"},
    "diff.repealed": {"nb": "opphevet{decision}", "en": "repealed{decision}"},
    "diff.decision-added": {"nb": "vedtak{decision}: {new}", "en": "decision{decision}: {new}"},
    "diff.supersedes-added": {"nb": "erstatter {new}", "en": "replaces {new}"},
    "import.not-a-file": {
        "nb": "{path} er ikke en vanlig fil (men en mappe, et navngitt rør eller en enhet); lagre regnearket som "
        "en CSV-fil og importer den",
        "en": "{path} is not a regular file (but a folder, a named pipe or a device); save the spreadsheet as a "
        "CSV file and import that",
    },
    "table.cut": {
        "nb": "{n} celle(r) er kortet av etter {limit} tegn (…); se hele teksten med --format json eller csv",
        "en": "{n} cell(s) cut after {limit} characters (…); see the whole text with --format json or csv",
    },
    "record-already-recorded": {
        "nb": "«{id}» har allerede et vedtak fra {date} med samme saksnummer; er det ført inn før?",
        "en": "'{id}' already has a decision of {date} with the same case number; was it recorded before?",
    },
    "rule.record-already-recorded": {"nb": "Vedtaket er allerede ført inn", "en": "Decision already recorded"},
    "rule-help.record-already-recorded": {
        "nb": "Planens decisions har allerede et vedtak med samme dato og saksnummer.",
        "en": "The plan's decisions already hold one with the same date and case number.",
    },
    # --- review ---
    "help.review": {
        "nb": "Årlig gjennomgang: planene som er forfalt, utløpt eller pålagt uten planlagt revisjon, og hva som "
        "skal gjøres med hver (utsett, startet, vedtatt, avlys).",
        "en": "The yearly review: the plans overdue, expired or due by law with no revision planned, and what to do "
        "with each (postpone, started, adopted, cancel).",
    },
    "opt.review-year": {"nb": "Året som gjennomgås, f.eks. 2026.", "en": "The year under review, e.g. 2026."},
    "opt.review-answers": {
        "nb": "Svarene i en vedtaksfil (som record --from, og event: skip); uten spørsmål.",
        "en": "The answers in a decisions file (as record --from, plus event: skip); asks nothing.",
    },
    "review.heading": {
        "nb": "Til gjennomgang i {year}: {plans} forfalt, utløpt eller pålagt, uten revisjon planlagt "
        "i {year} eller senere",
        "en": "To review in {year}: {plans} overdue, expired or due by law, with no revision planned "
        "in {year} or later",
    },
    "review.plans-one": {"nb": "{n} plan", "en": "{n} plan"},
    "review.plans-many": {"nb": "{n} planer", "en": "{n} plans"},
    "review.item": {"nb": "  {id} «{title}»: {reasons}", "en": "  {id} '{title}': {reasons}"},
    "review.none": {
        "nb": "review: ingen planer å gå gjennom i {year}",
        "en": "review: no plans to review in {year}",
    },
    "review.not-a-terminal": {
        "nb": "review: ingen terminal å spørre i, så ingenting er skrevet; gi svarene med --answers FIL",
        "en": "review: no terminal to ask in, so nothing was written; give the answers with --answers FILE",
    },
    "review.unanswered": {
        "nb": "review: ingen svar for {ids}; de står som før",
        "en": "review: no answer for {ids}; they are left as they were",
    },
    "review.ask": {
        "nb": "{id} «{title}»: {choices}?",
        "en": "{id} '{title}': {choices}?",
    },
    "review.choice-postpone": {"nb": "utsett", "en": "postpone"},
    "review.choice-started": {"nb": "startet", "en": "started"},
    "review.choice-adopted": {"nb": "vedtatt", "en": "adopted"},
    "review.choice-cancel": {"nb": "avlys", "en": "cancel"},
    "review.choice-skip": {"nb": "hopp over", "en": "skip"},
    "review.bad-choice": {
        "nb": "«{value}» er ikke et av svarene: {choices}",
        "en": "'{value}' is not one of the answers: {choices}",
    },
    "review.ask-to": {"nb": "Utsett til (år eller dato)", "en": "Postpone to (year or date)"},
    "review.ask-year": {"nb": "Året arbeidet startet", "en": "The year work started"},
    "review.ask-date": {"nb": "Vedtaksdato", "en": "Date of the decision"},
    "review.ask-case": {"nb": "Saksnummer (tomt: ingen)", "en": "Case number (empty: none)"},
    "review.ask-reason": {"nb": "Begrunnelse", "en": "Reason"},
    "review.nothing-to-record": {
        "nb": "review: ingen svar å føre inn; ingenting er skrevet",
        "en": "review: no answers to record; nothing was written",
    },
    "review.confirm": {"nb": "Skriv endringene over?", "en": "Write the changes above?"},
    "review.declined": {"nb": "review: ingenting er skrevet", "en": "review: nothing was written"},
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
    "help.version": {"nb": "Vis versjonen og avslutt.", "en": "Show the version and exit."},
    "help.validate": {
        "nb": "Kontroller alle filene i registeret og rapporter hver feil med fil, linje og kolonne.",
        "en": "Check every file of the register and report each problem with file, line and column.",
    },
}
