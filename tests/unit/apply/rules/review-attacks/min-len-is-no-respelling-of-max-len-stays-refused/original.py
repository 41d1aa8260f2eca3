class Field:
    """A text field."""

    max_len = 100

    # Validation happens in the form layer.

    def render(self):
        return "<input>"
