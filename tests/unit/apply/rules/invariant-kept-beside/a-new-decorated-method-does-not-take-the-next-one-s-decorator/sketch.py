    # ... existing code ...
        return Context.configure(connection, opts=dict(per_migration=True))

    @fixture
    def sql_migration_context(self, connection):
        return Context.configure(connection, opts=dict(per_migration=True, as_sql=True))
    # ... existing code ...
