class Store {
  // ... existing code ...

  save(p, data) {
    fs.writeFileSync(p, data, 'utf8');
  }
}
// ... existing code ...
