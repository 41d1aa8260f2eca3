def collect(bases, mapping):
    for base in bases:
        args = base.args
        if not hasattr(base, "params"):
            continue
        params = base.params
        for param, arg in zip(params, args):
            mapping[param] = arg
    return mapping
