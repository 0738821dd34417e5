"""planstrategi: a municipality's plans, strategies and regulations kept as a register in git."""

__version__ = "0.2.0"
