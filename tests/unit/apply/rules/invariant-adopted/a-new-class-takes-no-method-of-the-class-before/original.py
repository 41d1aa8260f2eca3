class SpacesAroundOperatorsFilter:
    @staticmethod
    def _process(tlist):
        tidx, token = tlist.token_next_by(t=ttypes)
        while token:
            tidx, token = tlist.token_next_by(t=ttypes, idx=tidx)

    def process(self, stmt):
        [self.process(sgroup) for sgroup in stmt.get_sublists()]
        SpacesAroundOperatorsFilter._process(stmt)
        return stmt


# ---------------------------
# postprocess

class SerializerUnicode:
    @staticmethod
    def process(stmt):
        lines = split_unquoted_newlines(stmt)
        return "\n".join(line.rstrip() for line in lines)
