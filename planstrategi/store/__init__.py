"""Reading and writing the register: strict YAML, model checks with positions, safe writes, the whole
register folder (on every core when large), git revisions and snapshots, schemas and new files.
"""
