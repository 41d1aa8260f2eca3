// ... existing code ...

router.get("/c", (req, res) => {
  res.send(handle("c"));
});
