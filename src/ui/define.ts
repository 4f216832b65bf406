import { ConsentryBanner } from './banner.js';
import { ConsentryPlaceholder } from './placeholder.js';

/** Define the elements once; a second copy of the bundle (or import) is harmless. Import-safe under SSR. */
export const defineElements = (): void => {
  if (typeof customElements == 'undefined') return;
  for (const [name, element] of [
    ['consentry-banner', ConsentryBanner],
    ['consentry-placeholder', ConsentryPlaceholder],
  ] as const)
    if (!customElements.get(name)) customElements.define(name, element);
};

/** Append one `<consentry-banner>` to the body unless the page already has one (script-tag bundles). */
export const autoMount = (): void => {
  const mount = () =>
    document.querySelector('consentry-banner') || document.body.append(document.createElement('consentry-banner'));
  document.body ? mount() : document.addEventListener('DOMContentLoaded', mount);
};
