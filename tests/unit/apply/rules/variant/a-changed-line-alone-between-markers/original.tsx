export function Page({items}: Props) {
  return (
    <Layout>
      <Breadcrumbs />
      <Header title="Items" />
      <List items={items} />
    </Layout>
  );
}
