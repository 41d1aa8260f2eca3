class Report:
    def header(self):
        return """
            Title
              Subtitle, revised
        """

    def footer(self):
        return "end"
