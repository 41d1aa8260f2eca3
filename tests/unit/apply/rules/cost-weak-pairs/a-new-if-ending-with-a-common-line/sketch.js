// ... existing code ...
  const JSONRequested = this.responseType === 'json';

  if (utils.isResponse(data) || utils.isReadableStream(data)) {
    return data;
  }

  // ... rest of the function unchanged ...
