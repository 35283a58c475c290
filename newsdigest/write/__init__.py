"""Stage 5: write the generated pages into the docs folder, all or nothing."""
