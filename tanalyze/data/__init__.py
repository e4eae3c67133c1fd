"""Data files generated from sources in the repository (see scripts/)."""
