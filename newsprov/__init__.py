"""The conductor: CLI and the pipeline that wires scraper -> annotate -> db."""

__version__ = "0.1.0"
