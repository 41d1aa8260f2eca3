from app.users import load_user


def show(uid):
    return load_user(uid)
