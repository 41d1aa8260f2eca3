import db
import cache


def save_user(u):
    db.write(u)
    audit("save", u)
    cache.set("user", u)
    return u


def load_user(key):
    return cache.get("user") or db.read(key)
