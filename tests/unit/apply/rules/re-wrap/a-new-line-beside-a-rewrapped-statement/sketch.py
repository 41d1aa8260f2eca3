class Syntax:
    def stylize_range(self, style, start, end, style_before=False):
        # ... existing code ...
            end (Tuple[int, int]): The end of the range.
            style_before (bool): Apply the style before any existing styles.
        """
        self._stylized_ranges.append(
            _SyntaxHighlightRange(style, start, end, style_before)
        )

    # ... existing code ...
