class StatementSplitter:
    def process(self, stream):
        for ttype, value in stream:
            if self.consume_ws and ttype not in EOS_TTYPE:
                yield self.tokens
                self.consume_ws = False

            self.level += self._change_splitlevel(ttype, value)
            self.tokens.append(sql.Token(ttype, value))

            # Check if we get the end of a statement
            if self.level <= 0 and ttype is T.Punctuation and value == ";":
                self.consume_ws = True

        if self.tokens:
            yield self.tokens
