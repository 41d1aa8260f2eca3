def setup(app):
    app.register(users)
    app.register(teams)
    return app


def teardown(app):
    app.close()
    return app
