"""Stage 1: read the digest's input files from disk into located YAML nodes and article texts."""
