    app.register(users_blueprint)
    app.listen(port=9090)
