import typing as t


class Request:
    @t.overload
    def get_data(
        self,
        as_text: t.Literal[False] = False,
    ) -> bytes:
        ...

    @t.overload
    def get_data(
        self,
        as_text: t.Literal[True] = ...,
    ) -> str:
        ...

    def get_data(self, as_text=False):
        return b""
