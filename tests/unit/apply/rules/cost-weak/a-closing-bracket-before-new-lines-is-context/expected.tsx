export function Page() {
  return (
    <Layout
      title="x">
      <Banner />
      <Header />
      <Body />
    </Layout>
  );
}
