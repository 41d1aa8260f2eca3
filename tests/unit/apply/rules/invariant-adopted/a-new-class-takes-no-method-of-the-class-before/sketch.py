        # ... existing code ...

class StripTrailingSemicolonFilter:

    def process(self, stmt):
        while stmt.tokens and stmt.tokens[-1].value == ";":
            stmt.tokens.pop()
        return stmt


# ---------------------------
# ... existing code ...
