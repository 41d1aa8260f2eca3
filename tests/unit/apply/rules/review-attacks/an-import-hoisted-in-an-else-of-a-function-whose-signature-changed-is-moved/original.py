class Exporter:
    def export(self, rows, path=None):
        if path is None:
            return self.to_string(rows)
        else:
            import csv
            import os

            os.makedirs(os.path.dirname(path), exist_ok=True)
            import io
            buf = io.StringIO()
            csv.writer(buf).writerows(rows)
            with open(path, "w") as fh:
                fh.write(buf.getvalue())
            return path
