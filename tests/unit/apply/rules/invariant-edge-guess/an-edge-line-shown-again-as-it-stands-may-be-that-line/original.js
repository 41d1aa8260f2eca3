const { test } = require('tap')
const errors = require('../lib/errors')

test('FST_ERR_PLUGIN_TYPE_0', t => {
  t.plan(5)
  const error = new errors.FST_ERR_PLUGIN_TYPE_0()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_PLUGIN_TYPE_0')
  t.equal(error.message, "Invalid plugin type: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_TYPE_LISTEN_1', t => {
  t.plan(5)
  const error = new errors.FST_ERR_TYPE_LISTEN_1()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_TYPE_LISTEN_1')
  t.equal(error.message, "Invalid type listen: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_VERSION_LISTEN_2', t => {
  t.plan(5)
  const error = new errors.FST_ERR_VERSION_LISTEN_2()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_VERSION_LISTEN_2')
  t.equal(error.message, "Invalid version listen: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof Error)
})

test('FST_ERR_PLUGIN_PARSER_3', t => {
  t.plan(5)
  const error = new errors.FST_ERR_PLUGIN_PARSER_3()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_PLUGIN_PARSER_3')
  t.equal(error.message, "Invalid plugin parser: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_DECORATOR_BODY_4', t => {
  t.plan(5)
  const error = new errors.FST_ERR_DECORATOR_BODY_4()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_DECORATOR_BODY_4')
  t.equal(error.message, "Invalid decorator body: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_BODY_HOOK_5', t => {
  t.plan(5)
  const error = new errors.FST_ERR_BODY_HOOK_5()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_BODY_HOOK_5')
  t.equal(error.message, "Invalid body hook: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof Error)
})

test('FST_ERR_BODY_LOGGER_6', t => {
  t.plan(5)
  const error = new errors.FST_ERR_BODY_LOGGER_6()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_BODY_LOGGER_6')
  t.equal(error.message, "Invalid body logger: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_LOGGER_TYPE_7', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LOGGER_TYPE_7()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LOGGER_TYPE_7')
  t.equal(error.message, "Invalid logger type: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_LOGGER_ROUTE_8', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LOGGER_ROUTE_8()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LOGGER_ROUTE_8')
  t.equal(error.message, "Invalid logger route: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_TYPE_PARSER_9', t => {
  t.plan(5)
  const error = new errors.FST_ERR_TYPE_PARSER_9()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_TYPE_PARSER_9')
  t.equal(error.message, "Invalid type parser: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_DECORATOR_PARSER_10', t => {
  t.plan(5)
  const error = new errors.FST_ERR_DECORATOR_PARSER_10()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_DECORATOR_PARSER_10')
  t.equal(error.message, "Invalid decorator parser: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof Error)
})

test('FST_ERR_REQUEST_SCHEMA_11', t => {
  t.plan(5)
  const error = new errors.FST_ERR_REQUEST_SCHEMA_11()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_REQUEST_SCHEMA_11')
  t.equal(error.message, "Invalid request schema: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_LISTEN_PLUGIN_12', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LISTEN_PLUGIN_12()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LISTEN_PLUGIN_12')
  t.equal(error.message, "Invalid listen plugin: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_LOGGER_BODY_13', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LOGGER_BODY_13()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LOGGER_BODY_13')
  t.equal(error.message, "Invalid logger body: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_CONTENT_DECORATOR_14', t => {
  t.plan(5)
  const error = new errors.FST_ERR_CONTENT_DECORATOR_14()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_CONTENT_DECORATOR_14')
  t.equal(error.message, "Invalid content decorator: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_TYPE_PLUGIN_15', t => {
  t.plan(5)
  const error = new errors.FST_ERR_TYPE_PLUGIN_15()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_TYPE_PLUGIN_15')
  t.equal(error.message, "Invalid type plugin: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof Error)
})

test('FST_ERR_VERSION_REPLY_16', t => {
  t.plan(5)
  const error = new errors.FST_ERR_VERSION_REPLY_16()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_VERSION_REPLY_16')
  t.equal(error.message, "Invalid version reply: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_CONTENT_TYPE_17', t => {
  t.plan(5)
  const error = new errors.FST_ERR_CONTENT_TYPE_17()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_CONTENT_TYPE_17')
  t.equal(error.message, "Invalid content type: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_BODY_TYPE_18', t => {
  t.plan(5)
  const error = new errors.FST_ERR_BODY_TYPE_18()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_BODY_TYPE_18')
  t.equal(error.message, "Invalid body type: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_SCHEMA_VERSION_19', t => {
  t.plan(5)
  const error = new errors.FST_ERR_SCHEMA_VERSION_19()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_SCHEMA_VERSION_19')
  t.equal(error.message, "Invalid schema version: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_SCHEMA_REQUEST_20', t => {
  t.plan(5)
  const error = new errors.FST_ERR_SCHEMA_REQUEST_20()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_SCHEMA_REQUEST_20')
  t.equal(error.message, "Invalid schema request: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_HOOK_ROUTE_21', t => {
  t.plan(5)
  const error = new errors.FST_ERR_HOOK_ROUTE_21()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_HOOK_ROUTE_21')
  t.equal(error.message, "Invalid hook route: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_LOGGER_DECORATOR_22', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LOGGER_DECORATOR_22()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LOGGER_DECORATOR_22')
  t.equal(error.message, "Invalid logger decorator: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_TYPE_VERSION_23', t => {
  t.plan(5)
  const error = new errors.FST_ERR_TYPE_VERSION_23()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_TYPE_VERSION_23')
  t.equal(error.message, "Invalid type version: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_PARSER_TYPE_24', t => {
  t.plan(5)
  const error = new errors.FST_ERR_PARSER_TYPE_24()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_PARSER_TYPE_24')
  t.equal(error.message, "Invalid parser type: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_CONTENT_PLUGIN_25', t => {
  t.plan(5)
  const error = new errors.FST_ERR_CONTENT_PLUGIN_25()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_CONTENT_PLUGIN_25')
  t.equal(error.message, "Invalid content plugin: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_ROUTE_SCHEMA_26', t => {
  t.plan(5)
  const error = new errors.FST_ERR_ROUTE_SCHEMA_26()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_ROUTE_SCHEMA_26')
  t.equal(error.message, "Invalid route schema: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_PLUGIN_DECORATOR_27', t => {
  t.plan(5)
  const error = new errors.FST_ERR_PLUGIN_DECORATOR_27()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_PLUGIN_DECORATOR_27')
  t.equal(error.message, "Invalid plugin decorator: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_HOOK_PARSER_28', t => {
  t.plan(5)
  const error = new errors.FST_ERR_HOOK_PARSER_28()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_HOOK_PARSER_28')
  t.equal(error.message, "Invalid hook parser: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_REQUEST_VERSION_29', t => {
  t.plan(5)
  const error = new errors.FST_ERR_REQUEST_VERSION_29()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_REQUEST_VERSION_29')
  t.equal(error.message, "Invalid request version: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_DECORATOR_LISTEN_30', t => {
  t.plan(5)
  const error = new errors.FST_ERR_DECORATOR_LISTEN_30()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_DECORATOR_LISTEN_30')
  t.equal(error.message, "Invalid decorator listen: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof Error)
})

test('FST_ERR_TYPE_LOGGER_31', t => {
  t.plan(5)
  const error = new errors.FST_ERR_TYPE_LOGGER_31()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_TYPE_LOGGER_31')
  t.equal(error.message, "Invalid type logger: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_BODY_PARSER_32', t => {
  t.plan(5)
  const error = new errors.FST_ERR_BODY_PARSER_32()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_BODY_PARSER_32')
  t.equal(error.message, "Invalid body parser: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_DECORATOR_REPLY_33', t => {
  t.plan(5)
  const error = new errors.FST_ERR_DECORATOR_REPLY_33()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_DECORATOR_REPLY_33')
  t.equal(error.message, "Invalid decorator reply: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_ROUTE_LOGGER_34', t => {
  t.plan(5)
  const error = new errors.FST_ERR_ROUTE_LOGGER_34()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_ROUTE_LOGGER_34')
  t.equal(error.message, "Invalid route logger: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_ROUTE_DECORATOR_35', t => {
  t.plan(5)
  const error = new errors.FST_ERR_ROUTE_DECORATOR_35()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_ROUTE_DECORATOR_35')
  t.equal(error.message, "Invalid route decorator: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_BODY_VERSION_36', t => {
  t.plan(5)
  const error = new errors.FST_ERR_BODY_VERSION_36()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_BODY_VERSION_36')
  t.equal(error.message, "Invalid body version: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_REQUEST_BODY_37', t => {
  t.plan(5)
  const error = new errors.FST_ERR_REQUEST_BODY_37()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_REQUEST_BODY_37')
  t.equal(error.message, "Invalid request body: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('FST_ERR_PARSER_LISTEN_38', t => {
  t.plan(5)
  const error = new errors.FST_ERR_PARSER_LISTEN_38()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_PARSER_LISTEN_38')
  t.equal(error.message, "Invalid parser listen: '%s'")
  t.equal(error.statusCode, 400)
  t.ok(error instanceof Error)
})

test('FST_ERR_LISTEN_OPTIONS_INVALID', t => {
  t.plan(5)
  const error = new errors.FST_ERR_LISTEN_OPTIONS_INVALID()
  t.equal(error.name, 'FastifyError')
  t.equal(error.code, 'FST_ERR_LISTEN_OPTIONS_INVALID')
  t.equal(error.message, "Invalid listen options: '%s'")
  t.equal(error.statusCode, 500)
  t.ok(error instanceof TypeError)
})

test('every error is documented', t => {
  const exportedKeys = Object.keys(errors)
  t.plan(exportedKeys.length)
  for (const key of exportedKeys) {
    t.ok(documented(key), key)
  }
})
