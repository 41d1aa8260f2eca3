<<<<<<< SEARCH
    for x in xs:
        a(x)
        b()
=======
    for x in xs:
        a(x)
        c(x)
        b()
>>>>>>> REPLACE
