"""Annotated news digest: articles and YAML annotations, published with MkDocs.

The version is declared once, in pyproject.toml: `importlib.metadata.version("newsdigest")`.
"""
