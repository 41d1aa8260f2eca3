import React from "react";

export function Toolbar({ onSave, onCancel }: Props) {
  return (
    <div className="toolbar">
      <h2 className="toolbar-title">Edit</h2>
      <div className="actions">
        <button className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button className="btn" onClick={onSave}>
          Save
        </button>
      </div>
    </div>
  );
}
