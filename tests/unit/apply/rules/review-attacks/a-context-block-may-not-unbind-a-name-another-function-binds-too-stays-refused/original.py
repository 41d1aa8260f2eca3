def render(user):
    theme = get_theme()

    title = fmt(user)
    body = paint(user, theme)
    return html(title, body)


def preview(user):
    title = "Preview"
    return html(title, paint(user, "light"))
