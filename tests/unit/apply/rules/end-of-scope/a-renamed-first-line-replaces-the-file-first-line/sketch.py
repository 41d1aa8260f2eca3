from app.users import load_user
# ... existing code ...
def show(uid):
    return load_user(uid)
