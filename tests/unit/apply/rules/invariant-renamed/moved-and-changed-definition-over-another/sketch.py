# ... existing code ...
    def get_plain(self) -> "Box":
        """Return the plain box."""
        return self

    def get_row(self, widths: list[int], level: str = "row", edge: bool = True) -> str:
        """Get a row."""
        if level == "head":
            left = self.head_left
            horizontal = self.head_horizontal
            cross = self.head_cross
            right = self.head_right
        elif level == "row":
            left = self.row_left
            horizontal = self.row_horizontal
            cross = self.row_cross
            right = self.row_right
        else:
            raise ValueError("level must be 'head' or 'row'")
        parts: list[str] = []
        if edge:
            parts.append(left)
        for last, width in loop_last(widths):
            parts.append(horizontal * width)
            if not last:
                parts.append(cross)
        if edge:
            parts.append(right)
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
