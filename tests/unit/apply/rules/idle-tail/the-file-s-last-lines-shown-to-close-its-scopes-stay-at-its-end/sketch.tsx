// ... existing code ...
  if (code) {
    return (
      <>
        <div className="viewer-actions" data-testid="actions">
          <button onClick={() => setOpen(true)}>Show code</button>
        </div>
        {/* ... */}
      </>
    );
  }

  return null;
};
