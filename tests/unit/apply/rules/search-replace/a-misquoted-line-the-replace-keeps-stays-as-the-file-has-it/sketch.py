<<<<<<< SEARCH
    host="localhost",
    port=8000,
    debug=False,
=======
    host="localhost",
    port=8000,
    debug=True,
>>>>>>> REPLACE
