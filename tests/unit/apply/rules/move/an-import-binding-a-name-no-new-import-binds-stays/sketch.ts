import { readFile } from 'node:fs/promises'
import type { Entry } from '../entry/index.js'

// ... existing code ...
