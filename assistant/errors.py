"""One family of errors whose messages are written for the user: the CLI prints them as one line."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: `str(error)` is a complete, user-facing sentence. `exit_code` is what the CLI returns."""

    exit_code = 2


class ConfigError(AssistantError):
    """A setting or flag has a value that cannot work."""


class CorpusError(AssistantError):
    """The corpus directory is missing or unusable."""


class ArticleError(AssistantError):
    """One article cannot be read; indexing skips it with a warning."""


class IndexMissingError(AssistantError):
    """No index has been built yet."""


class IndexIncompatibleError(AssistantError):
    """The index was built with another model, chunker setting or format."""


class IndexLockedError(AssistantError):
    """Another process is writing the index."""


class ImportFailedError(AssistantError):
    """A file or URL given to `assistant add` could not be turned into an article."""


class DuplicateArticleError(ImportFailedError):
    """The article is already in the corpus (same or near-same text)."""
