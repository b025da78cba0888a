"""Offline, cited question answering over a folder of China–West biopharma licensing articles.

The core (everything outside `assistant.tui`) never imports Textual; the CLI and the chat only render
the pydantic models the core returns.
"""

__version__ = "0.1.0"
