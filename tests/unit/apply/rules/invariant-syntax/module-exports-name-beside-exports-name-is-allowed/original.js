"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Validator = void 0;
class Validator {
    check(value) {
        return value !== undefined;
    }
}
exports.Validator = Validator;
module.exports = exports = Validator;
exports.default = Validator;
