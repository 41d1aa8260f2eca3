<<<<<<< SEARCH
    return call(timeout=30, retries=3, verbose=False)
=======
    return call(timeout=30, retries=3, verbose=True)
>>>>>>> REPLACE
