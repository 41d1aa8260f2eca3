      attempt++;
      const backoff = 2 ** attempt * 100;
      await sleep(backoff + Math.random() * backoff);
