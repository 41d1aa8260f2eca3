# ... existing code ...
    timeout=30,
    pool_size=20,
)
replica = Client(
    base_url=REPLICA_URL,
    timeout=30,
# ... existing code ...
