import { readFile } from 'node:fs/promises'
import type { Entry } from '../entry/index.js'

import type { Cache, Entry } from '../cache/index.js'

export async function load(path: string, cache: Cache): Promise<Entry[]> {
  const text = await readFile(path, 'utf8')
  return cache.parse(text)
}
