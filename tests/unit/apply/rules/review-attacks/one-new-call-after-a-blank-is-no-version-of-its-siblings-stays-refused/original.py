def setup(app):
    app.register("users", users_view)
    app.register("groups", groups_view)

    app.run()
