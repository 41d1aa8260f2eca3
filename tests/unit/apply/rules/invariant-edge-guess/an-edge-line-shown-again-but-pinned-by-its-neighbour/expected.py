from .client import Client

primary = Client(
    base_url=PRIMARY_URL,
    timeout=30,
    pool_size=20,
)
replica = Client(
    base_url=REPLICA_URL,
    timeout=30,
    retries=3,
)
