function shift(date, keep) {
  var moved = build(date);

  if (keep) {
    moved = moved.add(1);
  }

  moved.zone = date.zone;
  return moved;
}
