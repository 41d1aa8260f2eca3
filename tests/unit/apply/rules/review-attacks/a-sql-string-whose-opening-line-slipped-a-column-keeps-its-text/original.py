class UserRepo:
    def __init__(self, conn):
        self.conn = conn

    def find_active(self, limit):
        sql = """
            SELECT id, name
            FROM users
            WHERE active = 1
            LIMIT %s
        """
        cur = self.conn.cursor()
        cur.execute(sql, (limit,))
        return cur.fetchall()
