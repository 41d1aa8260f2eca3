# ... existing code ...
TemplateTestCallable = t.Callable[..., bool]
URLDefaultCallable = t.Callable[
    [str, t.Dict[str, t.Any]], None
]

# ... existing code ...
