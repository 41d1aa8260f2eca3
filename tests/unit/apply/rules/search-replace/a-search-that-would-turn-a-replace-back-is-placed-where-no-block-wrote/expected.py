class A:
    def tag(self, value) -> dict:
        return value


class B:
    def tag(self, value) -> Any:
        return {"v": value}
