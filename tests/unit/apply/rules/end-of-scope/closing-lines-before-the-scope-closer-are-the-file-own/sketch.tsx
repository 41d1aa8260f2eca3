// ... existing code ...
export default function SiteMetadata(): JSX.Element {
  const {metadata, image} = useThemeConfig();

  return (
    <>
      {/* ... existing code ... */}
      <SearchMetadata data-testid="searchmetadata" tag={DEFAULT_SEARCH_TAG} />
      {/* ... existing code ... */}
    </>
  );
}
