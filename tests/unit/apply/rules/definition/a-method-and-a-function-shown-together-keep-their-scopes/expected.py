"""Command line entry for the report tool."""

import argparse
import json
import sys


class Report:
    def __init__(self, rows):
        self.rows = rows

    def render(self, title: str = "") -> str:
        lines = [title] if title else []
        lines.append(f"{len(self.rows)} rows")
        for row in self.rows:
            lines.append(" | ".join(str(v) for v in row))
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(self.rows)


def load(path: str) -> list:
    with open(path) as handle:
        return json.load(handle)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--title", default="")
    args = parser.parse_args(argv)
    report = Report(load(args.path))
    print(report.to_json() if args.json else report.render(args.title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
