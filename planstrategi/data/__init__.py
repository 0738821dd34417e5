"""Package data: the list of every Norwegian municipality (and, in a built wheel, the Os example register
under ``os/``, copied from the checkout's ``data/`` at build time by ``setup.py``)."""
