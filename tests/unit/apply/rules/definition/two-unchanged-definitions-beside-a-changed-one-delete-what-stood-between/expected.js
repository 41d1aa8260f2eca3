"use strict";
const encrypt = require("./encrypt.js");
const base64url = require("./base64url.js");
async function wrap(alg, key, cek, iv) {
    const wrapped = await (0, encrypt.default)(alg, cek, key, iv);
    return { encryptedKey: wrapped.ciphertext, iv: (0, base64url.encode)(wrapped.iv) };
}
exports.wrap = wrap;
