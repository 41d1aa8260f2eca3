    # ... existing code ...

    _default_instance = None
    _lock = Lock()

    # Development notes:
    # - The lexer class uses an explicit singleton behavior.
    # ... existing code ...
