def fetch_user(uid):
    return {'id': uid}


def count_users():
    return 0
