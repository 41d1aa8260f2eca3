// ... existing code ...

function resetStats() {
  calls = 0;
}

export { fetchWithRetry, resetStats };
