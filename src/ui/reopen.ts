import { PREFERENCES_HASH, REOPEN_SELECTOR } from '../core/tagging.js';

/**
 * Reopen links by click delegation on the document, so footer links an SPA renders later
 * (even inside other shadow roots, through `composedPath`) work without any wiring.
 * Returns the function that stops listening.
 */
export const watchReopen = (open: (opener: HTMLElement) => void): (() => void) => {
  const onClick = (e: Event) => {
    const el = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(REOPEN_SELECTOR));
    if (!el) return;
    e.preventDefault();
    open(el);
  };
  // A link from another page (or a script) setting the hash opens it too.
  const onHash = () => location.hash == PREFERENCES_HASH && open(document.body);
  onHash();
  document.addEventListener('click', onClick);
  addEventListener('hashchange', onHash);
  return () => {
    document.removeEventListener('click', onClick);
    removeEventListener('hashchange', onHash);
  };
};
