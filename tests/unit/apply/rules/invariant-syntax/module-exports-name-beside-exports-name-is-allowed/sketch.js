// ... existing code ...
exports.Validator = Validator;
module.exports = exports = Validator;
module.exports.Validator = Validator;
exports.default = Validator;
