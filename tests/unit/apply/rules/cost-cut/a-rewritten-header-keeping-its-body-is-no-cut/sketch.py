        # ... existing code ...
            # Check if we get the end of a statement
            # Allow GO as a statement splitter too.
            if (self.level <= 0 and ttype is T.Punctuation and value == ";") \
                    or (ttype is T.Keyword and value.split()[0] == "GO"):
                self.consume_ws = True
        # ... existing code ...
