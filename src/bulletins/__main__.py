"""Run the command line: ``python -m bulletins``."""

from .cli import main

raise SystemExit(main())
