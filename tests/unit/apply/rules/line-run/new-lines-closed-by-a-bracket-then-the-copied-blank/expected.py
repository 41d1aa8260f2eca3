import typing as t

TemplateTestCallable = t.Callable[..., bool]
URLDefaultCallable = t.Callable[
    [str, t.Dict[str, t.Any]], None
]

# This should take Exception
ErrorHandler = t.Callable[[t.Any], t.Any]
