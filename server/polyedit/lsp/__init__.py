"""The only package that imports pygls/lsprotocol: thin handlers over the plain-Python core."""
