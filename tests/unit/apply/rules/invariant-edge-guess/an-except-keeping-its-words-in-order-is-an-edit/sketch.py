# ... existing code ...
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def save(path, data):
# ... existing code ...
