# ... existing code ...
            sys.modules[f"requests.packages.{mod}"] = sys.modules[mod]

if chardet is not None:
    target = chardet.__name__
    for mod in list(sys.modules):
        if mod == target or mod.startswith(f"{target}."):
            sys.modules[f"requests.packages.{target}"] = sys.modules[mod]
