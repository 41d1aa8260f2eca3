<<<<<<< SEARCH
    value = compute()
=======
    value = compute(cache=True)
>>>>>>> REPLACE
