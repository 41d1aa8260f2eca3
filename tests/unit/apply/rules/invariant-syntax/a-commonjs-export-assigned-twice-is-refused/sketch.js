// ...

const paths = require('./shared/path.5678.cjs');

exports.basename = paths.basename;
exports.dirname = paths.dirname;
exports.join = paths.join;
