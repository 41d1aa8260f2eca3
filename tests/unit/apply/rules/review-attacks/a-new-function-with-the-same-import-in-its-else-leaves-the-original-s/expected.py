def read_config(path):
    if path is None:
        return {}
    else:
        import json
        with open(path) as fh:
            return json.load(fh)


def write_config(path, data):
    if path is None:
        return
    else:
        import json
        with open(path, "w") as fh:
            json.dump(data, fh)
