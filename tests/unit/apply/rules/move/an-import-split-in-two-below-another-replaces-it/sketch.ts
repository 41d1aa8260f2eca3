import { readFile } from 'node:fs/promises'
import type { Cache } from '../cache/index.js'
import type { Entry } from '../entry/index.js'

// ... existing code ...
