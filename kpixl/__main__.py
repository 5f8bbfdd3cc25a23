"""``python -m kpixl``: the command line, as the ``kpixl`` script runs it."""

from kpixl.cli import main

raise SystemExit(main())
