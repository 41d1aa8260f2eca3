    def render(self, title: str = "") -> str:
        lines = [title] if title else []
        lines.append(f"{len(self.rows)} rows")
        for row in self.rows:
            lines.append(" | ".join(str(v) for v in row))
        return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--title", default="")
    args = parser.parse_args(argv)
    report = Report(load(args.path))
    print(report.to_json() if args.json else report.render(args.title))
    return 0
