"""Output formats. Each module turns rows or problems into text; nothing here reads files or the clock."""
