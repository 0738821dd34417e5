"""`python -m planstrategi` runs the command-line interface."""

from planstrategi.cli import main

if __name__ == "__main__":
    main()
