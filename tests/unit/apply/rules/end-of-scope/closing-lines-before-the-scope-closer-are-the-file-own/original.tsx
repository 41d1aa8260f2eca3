import React from 'react';

export default function SiteMetadata(): JSX.Element {
  const {metadata, image} = useThemeConfig();

  return (
    <>
      <Head>
        <meta name="twitter:card" content="summary_large_image" />
      </Head>

      <SearchMetadata tag={DEFAULT_SEARCH_TAG} />

      <Head>
        {metadata.map((metadatum, i) => (
          <meta key={i} {...metadatum} />
        ))}
      </Head>
    </>
  );
}
