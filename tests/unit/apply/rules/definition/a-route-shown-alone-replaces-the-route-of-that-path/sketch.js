router.get("/:id", async (req, res) => {
  const row = await db.get("SELECT * FROM notes WHERE id = ?", [req.params.id]);
  if (!row) return res.status(404).json({ error: "not found" });
  res.json(row);
});
