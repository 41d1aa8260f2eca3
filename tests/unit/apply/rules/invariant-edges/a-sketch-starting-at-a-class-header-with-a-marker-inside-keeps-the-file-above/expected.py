import json

import httpx

BASE = "https://api.example.com"


class ApiError(Exception):
    pass


class Client:
    def __init__(self, token: str):
        self.http = httpx.Client(base_url=BASE, headers={"Authorization": token})

    def get(self, path: str) -> dict:
        response = self.http.get(path)
        if response.status_code >= 400:
            raise ApiError(response.text)
        return json.loads(response.text)

    def delete(self, path: str) -> None:
        self.http.delete(path)
