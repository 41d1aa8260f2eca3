// ... existing tests ...
  t.ok(error instanceof TypeError)
})

test('FST_ERR_ERROR_HANDLER_NOT_FN', t => {
  t.plan(5)
  const error = new errors.FST_ERR_ERROR_HANDLER_NOT_FN()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_ERROR_HANDLER_NOT_FN')
  t.equal(error.message, "Error Handler must be a function")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('every error is documented', t => {
// ... existing tests ...
