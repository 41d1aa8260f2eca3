// ... existing code ...
    <Layout
      title="x">
      <Banner />
      {/* ... existing code ... */}
