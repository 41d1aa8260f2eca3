    # ... existing code ...

    connect_timeout = 10
    read_timeout = 30

    # Derived settings
    # ... existing code ...
