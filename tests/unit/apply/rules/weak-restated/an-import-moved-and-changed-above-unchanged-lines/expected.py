from __future__ import annotations

import typing as t

if t.TYPE_CHECKING:  # pragma: no cover
    from werkzeug.sansio.response import Response

    from ..sansio.app import App


class JSONProvider:
    def __init__(self, app: App) -> None:
        self._app = app
