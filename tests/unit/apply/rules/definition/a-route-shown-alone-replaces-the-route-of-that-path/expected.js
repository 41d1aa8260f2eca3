const express = require("express");
const db = require("./db");

const router = express.Router();

router.get("/", async (req, res) => {
  const rows = await db.all("SELECT * FROM notes");
  res.json(rows);
});

router.get("/:id", async (req, res) => {
  const row = await db.get("SELECT * FROM notes WHERE id = ?", [req.params.id]);
  if (!row) return res.status(404).json({ error: "not found" });
  res.json(row);
});

router.delete("/:id", async (req, res) => {
  await db.run("DELETE FROM notes WHERE id = ?", [req.params.id]);
  res.sendStatus(204);
});

module.exports = router;
