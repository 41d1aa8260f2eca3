class Key:
    def signature(self, onupdate, ondelete):
        return (self.name,) + (
            (
                (None if onupdate.lower() == "no action" else onupdate.lower())
                if onupdate
                else None
            ),
            (
                (None if ondelete.lower() == "no action" else ondelete.lower())
                if ondelete
                else None
            ),
        )

    def other(self):
        return None
