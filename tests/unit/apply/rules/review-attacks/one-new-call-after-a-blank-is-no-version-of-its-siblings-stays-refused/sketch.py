def setup(app):
    app.register("accounts", accounts_view)

    # ... existing code ...
