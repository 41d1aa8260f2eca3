"use strict";
const encrypt = require("./encrypt.js");
const iv = require("./iv.js");
const base64url = require("./base64url.js");
async function wrap(alg, key, cek) {
    const ciphertext = await (0, encrypt.default)(alg, cek, key, (0, iv.default)(alg));
    return { encryptedKey: ciphertext };
}
exports.wrap = wrap;
