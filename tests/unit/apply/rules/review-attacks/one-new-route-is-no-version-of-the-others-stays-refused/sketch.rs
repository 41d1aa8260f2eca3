fn setup(app: &mut App) {
    app.route("/accounts", accounts);

    // ... existing code ...
