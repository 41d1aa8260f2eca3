export function Page() {
  return (
    <Layout
      title="x">
      <Header />
      <Body />
    </Layout>
  );
}
