class Repo:
    def __init__(self, db):
        self.db = db

    def get(self, id):
        return self.db.query("SELECT * FROM t WHERE id = ?", id)

    def list(self):
        rows = self.db.query("SELECT * FROM t")
        return [dict(r) for r in rows]

    def delete(self, id):
        self.db.execute("DELETE FROM t WHERE id = ?", id)
