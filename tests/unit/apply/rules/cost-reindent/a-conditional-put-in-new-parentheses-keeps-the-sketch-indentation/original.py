def render_column(op, context):
    args = dict(
        name=op.name,
        table=op.table_name,
        existing="%r" % op.existing_comment
        if op.existing_comment is not None
        else None,
        schema=op.schema,
    )
    return template % args


def render_index(index):
    return index.name
