import sys


def fetch(url):
    """Fetch a page."""
    import json
    from urllib.parse import quote
    from urllib.request import urlopen

    with urlopen(quote(url)) as page:
        return json.load(page)


def main():
    print(fetch(sys.argv[1]))
