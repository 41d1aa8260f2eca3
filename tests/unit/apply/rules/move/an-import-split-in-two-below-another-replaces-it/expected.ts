import { readFile } from 'node:fs/promises'
import type { Cache } from '../cache/index.js'
import type { Entry } from '../entry/index.js'

export async function load(path: string, cache: Cache): Promise<Entry[]> {
  const text = await readFile(path, 'utf8')
  return cache.parse(text)
}
