"""The start-up floor both benchmarks measure against (``run.py`` and ``startup.py``).

The least a command of a Typer CLI can cost: start Python, import Typer, let it parse one argument
(since typer 0.29 that imports pydantic and builds an adapter per parameter) and do nothing.
"""

TYPER_FLOOR = """\
import typer
app = typer.Typer()
@app.command()
def due(year: int) -> None:
    pass
app(["2025"])
"""
