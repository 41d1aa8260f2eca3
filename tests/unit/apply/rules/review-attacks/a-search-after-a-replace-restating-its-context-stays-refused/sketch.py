<<<<<<< SEARCH
def first(xs):
    result = []
=======
def first(xs):
    """Copy xs in order."""
    result = []
>>>>>>> REPLACE

<<<<<<< SEARCH
    result = []
    for x in xs:
=======
    result = []
    for x in sorted(xs):
>>>>>>> REPLACE
