class Client:
    # ... existing code ...

    def get(self, path: str) -> dict:
        response = self.http.get(path)
        if response.status_code >= 400:
            raise ApiError(response.text)
        return json.loads(response.text)

    def delete(self, path: str) -> None:
        self.http.delete(path)
