class Report:
    def header(self):
        return f"""
            Title {self.name}
              Subtitle, revised
        """

    def footer(self):
        return "end"
