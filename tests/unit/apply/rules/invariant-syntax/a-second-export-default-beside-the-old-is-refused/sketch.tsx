// ... existing code ...

function Page() {
  return <Header />;
}

export default Page;
