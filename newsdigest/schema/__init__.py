"""The one schema of the input files, and what is generated from it (JSON Schema, field reference)."""
