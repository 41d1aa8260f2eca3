import sys


def fetch(url):
    """Fetch a page."""
    import json
    from urllib.request import urlopen
    from urllib.parse import quote

    with urlopen(quote(url)) as page:
        return json.load(page)


def main():
    print(fetch(sys.argv[1]))
