"""One module per group of commands; ``cli.py`` registers them on the Typer app.

A command parses its options, calls the domain (register, rules), renders and exits. Heavy
imports (pydantic, rich) happen inside the command functions, so ``--help`` stays fast.
"""
