"""The rules of the domain: council terms, what is due and why, the statutory checklist, workload,
coordination between municipalities, which plans a report is about, and what changed between two
snapshots. Pure functions of the loaded register and a date or year given by the caller; nothing
here reads the clock, a file or git.
"""
