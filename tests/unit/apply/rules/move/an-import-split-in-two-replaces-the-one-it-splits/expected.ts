import type { Cache } from '../cache/index.js'
import type { Entry } from '../entry/index.js'

/**
 * Drop every entry older than `maxAge` milliseconds.
 */
export function prune(cache: Cache, maxAge: number): Entry[] {
  const now = Date.now()
  return cache.entries.filter((entry) => now - entry.created > maxAge)
}
