import sys


def main():
    args = sys.argv[1:]
    if not args:
        print("usage: tool FILE")
        return 2
    with open(args[0]) as handle:
        print(handle.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
