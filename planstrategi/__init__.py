"""planstrategi: a municipality's plans, strategies and regulations kept as a register in git."""

__version__ = "0.1.0"
