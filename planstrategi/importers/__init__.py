"""Reading other people's plan overviews (tables) into plan files."""
