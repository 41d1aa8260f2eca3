const formatMeta = (node) => {
  return node.meta ? `(${node.meta})` : ''
}

const printNode = (node, chalk) => {
  const extra = []

  for (const meta of ['extraneous', 'dev', 'optional', 'peer', 'workspace']) {
    if (node[meta]) {
      extra.push(meta)
    }
  }
  return extra.join(' ')
}
