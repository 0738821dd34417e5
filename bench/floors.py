"""The floors the benchmarks measure against (``run.py`` and ``startup.py``).

``TYPER_FLOOR``: the least a command of a Typer CLI can cost: start Python, import Typer, let it
parse one argument (since typer 0.29 that imports pydantic and builds an adapter per parameter)
and do nothing.

``PARSE_FLOOR``: the least a check of every plan file with PyYAML can cost on two cores: the sorted
plan files cut in two halves, each half read and parsed with ``yaml.load(…, Loader=CSafeLoader)``
in its own process (one forked child, the parent the other), timed until both are done.
``RUST_FLOOR`` is the same with ``yaml_rs.loads``, a YAML 1.2 parser written in Rust, where it is
installed. Run as ``python -c PARSE_FLOOR <plans folder>``.
"""

TYPER_FLOOR = """\
import typer
app = typer.Typer()
@app.command()
def due(year: int) -> None:
    pass
app(["2025"])
"""

_HALVES = """\
import os, sys
names = sorted(os.path.join(sys.argv[1], n) for n in os.listdir(sys.argv[1]) if n.endswith('.yaml'))
half = (len(names) + 1) // 2
child = os.fork()
mine = names[half:] if child == 0 else names[:half]
for name in mine:
    with open(name, 'rb') as stream:
        PARSE(stream)
if child == 0:
    os._exit(0)
os.waitpid(child, 0)
"""

PARSE_FLOOR = "import yaml\nPARSE = lambda stream: yaml.load(stream, Loader=yaml.CSafeLoader)\n" + _HALVES
RUST_FLOOR = "import yaml_rs\nPARSE = lambda stream: yaml_rs.loads(stream.read().decode('utf-8'))\n" + _HALVES
