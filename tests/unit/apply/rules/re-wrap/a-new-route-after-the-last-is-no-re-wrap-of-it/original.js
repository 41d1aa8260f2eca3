const router = require("express").Router();

router.get("/a", (req, res) => {
  res.send(handle("a"));
});

router.get("/b", (req, res) => {
  res.send(handle("b"));
});
