const express = require("express");

const limit = Number(process.env.RATE_LIMIT ?? 100);
// ... existing code ...
