import typing as t

TemplateTestCallable = t.Callable[..., bool]
URLDefaultCallable = t.Callable[[str, dict], None]

# This should take Exception
ErrorHandler = t.Callable[[t.Any], t.Any]
