# ... existing code ...
                return token
        return list(parenthesis.tokens)

    def get_window(self):
        return self.tokens[-1]

# ... existing code ...
