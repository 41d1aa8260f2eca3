class Lexer:
    """The Lexer supports configurable syntax."""

    _default_intance = None

    # Development notes:
    # - The lexer class uses an explicit singleton behavior.

    @classmethod
    def get_default_instance(cls):
        if cls._default_intance is None:
            cls._default_intance = cls()
        return cls._default_intance
