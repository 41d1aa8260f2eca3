# ... existing code ...

    def find_active(self, limit):
         sql = """
            SELECT id, name
            FROM users
            WHERE active = 1
            LIMIT %s
        """
        with self.conn.cursor() as cur:
            cur.execute(sql, (limit,))
            return cur.fetchall()
