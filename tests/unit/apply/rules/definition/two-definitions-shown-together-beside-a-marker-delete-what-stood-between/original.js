import { emit } from './events.js'

const START = 1
const PAUSE = 2
const STOP = 3

export function start(job) {
  emit(job, START)
}

export function stop(job) {
  emit(job, STOP)
}
