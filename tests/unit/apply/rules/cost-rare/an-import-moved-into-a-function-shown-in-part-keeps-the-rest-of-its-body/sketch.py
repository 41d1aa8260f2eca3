"""Export records to a folder."""
import argparse
import sys
# ... existing code ...
def main(argv=None):
    import json

    args = parse_args(argv)
# ... existing code ...
