"""``python -m tanalyze.cli``: the same as the ``tanalyze`` command."""

from . import main

main()
