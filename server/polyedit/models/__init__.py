"""Model providers behind one Protocol (Anthropic first). No LSP imports."""
