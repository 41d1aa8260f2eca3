<<<<<<< SEARCH
    def tag(self, value) -> Any:
=======
    def tag(self, value) -> dict:
>>>>>>> REPLACE

<<<<<<< SEARCH
    def tag(self, value) -> dict:
=======
    def tag(self, value) -> Any:
>>>>>>> REPLACE
