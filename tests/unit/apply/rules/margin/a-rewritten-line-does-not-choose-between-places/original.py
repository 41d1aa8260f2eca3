class DataField:
    def __init__(self, name, value):
        if not isinstance(name, str):
            raise TypeError(
                f"Invalid type for name. Expected str, got {type(name)}: {name!r}"
            )
        if value is not None and not isinstance(value, (str, bytes)):
            raise TypeError(
                f"Invalid type for value. Expected primitive type, got {type(value)}: {value!r}"
            )
        self.name = name
        self.value = value

    def render_headers(self):
        return b"".join([b"Content-Disposition: form-data; ", self.name.encode()])
