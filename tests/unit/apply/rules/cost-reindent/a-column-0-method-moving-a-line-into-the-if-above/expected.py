class H:
    def handle(self, req):
        user = auth(req)
        if user:
            log(user)
            audit(req)
        return respond(req)

    def other(self):
        pass
