def collect(bases, mapping):
    for base in bases:
        args = base.args
        if hasattr(base, "params"):
            params = base.params
        elif any(has_default(arg) for arg in args):
            pairs = [
                (arg, arg.default)
                for arg in args
                if has_default(arg)
            ]
            params, args = zip(*pairs)
        else:
            continue
        for param, arg in zip(params, args):
            # ... existing code ...
