const express = require("express");

const limit = 100;
const windowMs = 60 * 1000;

function rateLimit(req, res, next) {
  next();
}

module.exports = { rateLimit, limit, windowMs };
