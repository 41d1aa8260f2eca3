class Repo:
    def __init__(self, db):
        self.db = db

    def get(self, id):
        row = self.db.query("SELECT * FROM t WHERE id = ?", id)
        return dict(row) if row else None

    def list(self):
        rows = self.db.query("SELECT * FROM t")
        return [dict(r) for r in rows]

    def delete(self, id):
        self.db.execute("DELETE FROM t WHERE id = ?", id)
        self.db.commit()
