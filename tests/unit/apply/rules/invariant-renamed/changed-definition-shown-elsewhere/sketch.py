# ... existing code ...
    def get_plain(self) -> "Box":
        """Return the plain box."""
        return self

    def get_row(self, widths: list[int]) -> str:
        """Get a row of the box."""
        parts: list[str] = []
        for width in widths:
            parts.append(self.row * width)
        return "".join(parts)

    def get_top(self, widths: list[int]) -> str:
        """Get the top of a simple box.

        Args:
            widths (List[int]): Widths of columns.

        Returns:
            str: A string of box characters.
        """

        parts: list[str] = []
        append = parts.append
        append(self.top_left)
        for last, width in loop_last(widths):
            append(self.top * width)
        _trace("get_top")
        append(self.top_right)
        return "".join(parts)
# ... existing code ...
