export function Page() {
  return (
    <main>
      <Header />
      <Body />
      <Footer />
    </main>
  );
}
