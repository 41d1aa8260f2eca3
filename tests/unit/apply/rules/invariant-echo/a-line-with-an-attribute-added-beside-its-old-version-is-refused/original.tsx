export function Toolbar({ items, onPick }: Props): JSX.Element {
  return (
    <nav className="toolbar">
      {/* The first button is a spacer for screen readers. */}
      <button className="toolbar-spacer" aria-hidden="true" />
      {items.map((item) => (
        <button key={item.id} onClick={() => onPick(item)}>
          {item.label}
        </button>
      ))}
    </nav>
  );
}
