import {load} from './load';

export default function setup(
  config: Config,
): void {
  const {theme} = config;
  console.debug('setup');
  if (theme) {
    load(theme);
  }
}
