export function Page({items}: Props) {
  return (
    <Layout>
      <Breadcrumbs data-testid="crumbs" />
      <Header title="Items" />
      <List items={items} />
    </Layout>
  );
}
