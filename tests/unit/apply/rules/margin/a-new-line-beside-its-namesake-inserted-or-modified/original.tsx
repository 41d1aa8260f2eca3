function Entry({letter}: Props) {
  return (
    <article>
      <h2>{letter}</h2>
      <List />
      <hr />
    </article>
  );
}
