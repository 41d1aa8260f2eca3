export function Toolbar({ onSave, onCancel }: Props) {
  return (
    <div className="toolbar">
      {/* ... existing code ... */}
        <button className="btn btn-primary" onClick={onSave}>
          Save
        </button>
      </div>
    </div>
  );
}
