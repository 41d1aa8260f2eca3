import {load} from './load';

export default function setup(
  config: Config,
): void {
  const {theme} = config;
  if (theme) {
    load(theme);
  }
}
