import sys


def main():
    args = parse(sys.argv)
    setup(args)
    run(args)
    cleanup()


def parse(argv):
    return argv[1:]
