export function Page() {
  return (
    <main>
      <Header />
      <Body />
      <Footer year={2026} />
    </main>
  );
}
