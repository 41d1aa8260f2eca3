import React from "react";

export const Viewer = ({ code, loading }: { code?: string; loading: boolean }) => {
  const [open, setOpen] = React.useState(false);

  if (loading) {
    return null;
  }

  if (code) {
    return (
      <>
        <div className="viewer-actions" data-testid="actions">
          <button onClick={() => setOpen(true)}>Show code</button>
        </div>
        <pre hidden={!open}>{code}</pre>
      </>
    );
  }

  return null;
};
