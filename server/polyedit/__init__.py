"""polyedit: multi-file AI edits for any LSP editor."""

__version__ = "0.1.0"
