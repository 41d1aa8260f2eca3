class Report:
    def header(self):
        return """
            Title
              Subtitle
        """

    def footer(self):
        return "end"
