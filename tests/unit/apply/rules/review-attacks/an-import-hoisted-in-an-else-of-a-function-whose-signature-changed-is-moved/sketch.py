class Exporter:
    def export(self, rows, path=None, *, dialect="excel"):
        if path is None:
            return self.to_string(rows)
        else:
            import csv
            import io
            import os
            # ... existing code ...
