CONFIG = dict(
    host="localhost",
    port=8080,
    debug=True,
    workers=4,
)
