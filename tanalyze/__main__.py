"""``python -m tanalyze``: the same command line as ``tanalyze``."""

from .cli import main

if __name__ == "__main__":
    main()
