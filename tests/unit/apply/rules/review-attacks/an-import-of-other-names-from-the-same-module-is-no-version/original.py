from __future__ import annotations

import typing as t

if t.TYPE_CHECKING:  # pragma: no cover
    from ..sansio.app import App
    from ..wrappers import Response


class JSONProvider:
    def __init__(self, app: App) -> None:
        self._app = app

    def response(self, *args: t.Any) -> Response:
        return self._app.response_class(*args)
