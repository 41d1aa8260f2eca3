    import json
    from pathlib import Path


    def load(path: Path) -> dict:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
