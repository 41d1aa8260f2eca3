class Box:
    def get_plain(self) -> "Box":
        """Return the plain box."""
        return self

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
        append(self.top_right)
        return "".join(parts)

    def get_row(self, widths: list[int]) -> str:
        """Get a row."""
        parts: list[str] = []
        for width in widths:
            parts.append(self.row * width)
        return "".join(parts)

    def get_bottom(self, widths: list[int]) -> str:
        """Get the bottom of a simple box.

        Args:
            widths (List[int]): Widths of columns.

        Returns:
            str: A string of box characters.
        """

        parts: list[str] = []
        append = parts.append
        append(self.bottom_left)
        for last, width in loop_last(widths):
            append(self.bottom * width)
        append(self.bottom_right)
        return "".join(parts)
