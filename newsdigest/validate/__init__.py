"""Stage 2: validate every input file against the schema and the files against each other."""
