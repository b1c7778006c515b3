"""reader: read news articles closely in the terminal, and keep notes on them."""

__version__ = "0.1.0"
