def header(self):
    return f"""
        Title {self.name}
          Subtitle, revised
    """
