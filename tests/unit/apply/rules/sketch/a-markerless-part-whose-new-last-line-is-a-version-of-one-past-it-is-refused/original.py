import logging


def setup(app):
    app.register(users_blueprint)
    app.configure(debug=False)
    app.listen(port=8080)
    logging.info("ready")


def teardown(app):
    app.close()
