"""Screens pushed over the chat."""
