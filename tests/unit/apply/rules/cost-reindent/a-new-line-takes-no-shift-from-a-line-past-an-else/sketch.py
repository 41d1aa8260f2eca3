# ... existing code ...
        if start is not None and end is not None:
            if stylized.before:
                text.stylize_before(stylized.style, start, end)
            else:
                text.stylize(stylized.style, start, end)
# ... existing code ...
