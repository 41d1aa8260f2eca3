class Syntax:
    def stylize_range(self, style, start, end):
        """Adds a custom style on a part of the code.

        Args:
            style (StyleType): The style to apply.
            start (Tuple[int, int]): The start of the range.
            end (Tuple[int, int]): The end of the range.
        """
        self._stylized_ranges.append(_SyntaxHighlightRange(style, start, end))

    def get_line_numbers_color(self, blend=0.3):
        return self._theme.get_background_style()
