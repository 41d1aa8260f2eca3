class TestBase:
    @fixture
    def migration_context(self, connection):
        return Context.configure(connection, opts=dict(per_migration=True))

    @fixture
    def connection(self):
        with db.connect() as conn:
            yield conn
