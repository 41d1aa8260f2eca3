export function Toolbar({ items, onPick }: Props): JSX.Element {
  return (
    <nav className="toolbar">
      <button className="toolbar-spacer" tabIndex={-1} aria-hidden="true" />
      {/* ... existing code ... */}
    </nav>
  );
}
