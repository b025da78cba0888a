"""The chat: a Textual app over `assistant.engine.Engine`.

Nothing outside this package imports it (or Textual); the CLI reaches it only through
`assistant.tui.app.run_chat`, imported when the `chat` command runs.
"""
