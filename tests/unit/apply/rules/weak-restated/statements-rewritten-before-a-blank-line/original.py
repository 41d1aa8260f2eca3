def hash_internal(method: str, salt: str, password: str) -> str:
    method, *args = method.split(":")
    salt = salt.encode("utf-8")
    password = password.encode("utf-8")

    if method == "scrypt":
        return scrypt(password, salt)
    return pbkdf2(password, salt)
