"""Export records to a folder."""
import argparse
import json
import sys


def parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="out")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    records = load(args.out)
    if not records:
        print("nothing to export", file=sys.stderr)
        return 1
    print(json.dumps({"count": len(records)}))
    return 0
