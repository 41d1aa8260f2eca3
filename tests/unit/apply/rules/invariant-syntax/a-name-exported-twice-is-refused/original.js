let calls = 0;

async function fetchWithRetry(url) {
  calls += 1;
  return fetch(url);
}

export { fetchWithRetry };
