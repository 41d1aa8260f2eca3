class Exporter:
    def export(self, rows, path=None, *, dialect="excel"):
        if path is None:
            return self.to_string(rows)
        else:
            import csv
            import io
            import os

            os.makedirs(os.path.dirname(path), exist_ok=True)
            buf = io.StringIO()
            csv.writer(buf).writerows(rows)
            with open(path, "w") as fh:
                fh.write(buf.getvalue())
            return path
