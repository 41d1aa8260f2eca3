  /* ... other code ... */
  request && (this.request = request);
  if (response) {
    this.response = response;
    this.status = response.status ? response.status : null;
  }
}
  // ... existing code ...
