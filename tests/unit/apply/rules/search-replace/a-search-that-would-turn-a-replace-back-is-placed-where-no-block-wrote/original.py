class A:
    def tag(self, value) -> Any:
        return value


class B:
    def tag(self, value) -> dict:
        return {"v": value}
