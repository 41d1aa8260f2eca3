class Repo:
    # ... existing code ...

    def get(self, id):
        row = self.db.query("SELECT * FROM t WHERE id = ?", id)
        return dict(row) if row else None

    def delete(self, id):
        self.db.execute("DELETE FROM t WHERE id = ?", id)
        self.db.commit()
