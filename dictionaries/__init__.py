"""Domain dictionaries and gazetteers shipped with tanalyze (plain text, see README.md here)."""
