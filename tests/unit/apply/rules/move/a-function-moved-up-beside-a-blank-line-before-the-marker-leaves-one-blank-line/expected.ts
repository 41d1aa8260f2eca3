import { a } from './a';

export const x = 1;

export function first() {
  return 1;
}

export function second() {
  return 2;
}

export default { first, second };
