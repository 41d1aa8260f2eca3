function Entry({letter}: Props) {
  return (
    <article>
      {/* ... */}
      <hr data-testid="rule" />
    </article>
  );
}
