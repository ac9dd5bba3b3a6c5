"""Attributed statements from Arabic news: corpus -> statements -> figures."""

__version__ = "0.1.0"
