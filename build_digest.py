#!/usr/bin/env python3
"""Entry point: build the annotated news digest. See README.md, or run with --help."""

import sys

from newsdigest.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
