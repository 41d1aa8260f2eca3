import warnings

LABELS = {
  "a": 1,
  "b": 2,
}


def render_item(text, index):
    i = str(index)
    return "<li id=" + i + ">" + text + "</li>"


def render_list(items):
    return "".join(items)
