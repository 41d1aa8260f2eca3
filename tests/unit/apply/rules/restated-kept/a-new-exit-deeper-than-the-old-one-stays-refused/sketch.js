// ... existing code ...
    loc = this.req.get('Referrer') || '/';
  } else if (loc) {
    return this.set('Location', loc);
  }
};

/**
// ... existing code ...
