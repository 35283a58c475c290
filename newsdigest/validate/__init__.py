"""Stage 2: check every input file against the schema and the files against each other."""
