# ... existing code ...

    body = paint(user, theme)
    # ... existing code ...
def preview(user):
    title = "Preview"
    return html(title, paint(user, "dark"))
