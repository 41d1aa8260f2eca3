# ... existing code ...

from app.core import run
from app.debug import snapshot
# ... existing code ...
    return run(cfg)


def dump_snapshot(path):
    import json

    with open(path, "w") as f:
        json.dump(snapshot(), f)
