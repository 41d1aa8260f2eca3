from app.users import fetch_user


def show(uid):
    return fetch_user(uid)
