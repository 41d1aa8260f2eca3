def header(self):
    return """
        Title
          Subtitle, revised
    """
