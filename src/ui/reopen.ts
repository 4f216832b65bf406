/** What reopens the preferences: a `data-consentry-open` element or a `#consentry-preferences` link. */
const REOPEN = '[data-consentry-open],a[href="#consentry-preferences"]';

/**
 * Reopen links by click delegation on the document, so footer links an SPA renders later
 * (even inside other shadow roots, through `composedPath`) work without any wiring.
 * Returns the function that stops listening.
 */
export const watchReopen = (open: (opener: HTMLElement) => void): (() => void) => {
  const onClick = (e: Event) => {
    const el = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(REOPEN));
    if (!el) return;
    e.preventDefault();
    open(el);
  };
  // A link from another page (or a script) setting the hash opens it too.
  const onHash = () => location.hash == '#consentry-preferences' && open(document.body);
  onHash();
  document.addEventListener('click', onClick);
  addEventListener('hashchange', onHash);
  return () => {
    document.removeEventListener('click', onClick);
    removeEventListener('hashchange', onHash);
  };
};
