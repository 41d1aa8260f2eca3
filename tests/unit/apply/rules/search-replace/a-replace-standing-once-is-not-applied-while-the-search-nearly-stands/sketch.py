<<<<<<< SEARCH
    # TODO: remove this hack once the API is fixed.
    if x is None:
        x = 0
    return x + 1
=======
    return x + 1
>>>>>>> REPLACE
