function shift(date, keep) {
  var moved;
  if (date.utc) {
    moved = date;
  } else {
    moved = build(date);

    if (keep) {
      moved = moved.add(1);
    }
  }

  // ... existing code ...
