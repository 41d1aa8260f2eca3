"""User persistence."""

import sqlite3


class UserRepository:
    """Stores users in SQLite."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def fetch_user_by_email(self, email: str):
        """Look up one user by e-mail address."""
        return self.conn.execute("SELECT id, name FROM users WHERE email = ?", (email,)).fetchone()

    def delete_user(self, user_id: int) -> None:
        self.conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
