def hash_internal(method: str, salt: str, password: str) -> str:
    method, *args = method.split(":")
    salt_bytes = salt.encode()
    password_bytes = password.encode()

    if method == "scrypt":
        return scrypt(password, salt)
    return pbkdf2(password, salt)
