fn setup(app: &mut App) {
    app.route("/users", users);
    app.route("/groups", groups);

    app.run();
}
