class URL:
    def __init__(self, url):
        if isinstance(url, str):
            self._uri = parse(url)
        else:
            raise TypeError(
                "Invalid type for url.  Expected str or httpx.URL,"
                f" got {type(url)}: {url!r}"
            )

    @property
    def scheme(self):
        return self._uri.scheme
