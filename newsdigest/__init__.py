"""Annotated news digest: articles and YAML annotations, published with MkDocs."""

__version__ = "0.1.0"
