import { nothing, render } from 'lit/html.js';

// Import-safe under SSR: no HTMLElement in Node, and nothing here is constructed there.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;
const sheets = new Map<string, CSSStyleSheet>();

/**
 * The part of LitElement the banner uses, on lit-html alone: an open shadow root with
 * constructed stylesheets (adoptedStyleSheets, so a strict CSP needs no `unsafe-inline`),
 * `requestUpdate()` batched to one `render()` per microtask, `updateComplete`, and the
 * `updated` hook. All our state is internal (no reactive properties, no
 * attribute reflection), so ReactiveElement would buy nothing here.
 */
export abstract class UIElement extends Base {
  /** CSS texts adopted by every instance (Lit's `static styles`). */
  static styles: string[] = [];
  /** The shadow root templates render into. */
  readonly renderRoot: ShadowRoot;
  /** Resolves once the pending render is done (as in Lit). */
  updateComplete: Promise<unknown> = Promise.resolve();
  /** @internal A render is scheduled. */
  private _queued?: boolean;
  /** @internal Markup someone else put in our shadow root before we were defined (src/ui/first-layer.ts). */
  private _foreign?: boolean;
  /** @internal The first layer's control that had focus, and the same control in our first render (its successor). */
  _successor?: [Element | null, HTMLElement | undefined];
  /**
   * @internal Where focus was before it last entered this element from another element. Not mangled: the
   * first layer (first-layer.ts, another bundle) sets it on the element before the upgrade.
   */
  focusBefore?: EventTarget;

  constructor() {
    super();
    // An element upgraded in place keeps the shadow root the first layer rendered into
    // (attachShadow would throw); its content is replaced by our first render, in one task.
    this._foreign = !!this.shadowRoot;
    // Moves inside the shadow root never reach the host (target and relatedTarget are both the host).
    this.addEventListener('focusin', (e) => e.relatedTarget && (this.focusBefore = e.relatedTarget));
    this.renderRoot = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.renderRoot.adoptedStyleSheets = (this.constructor as typeof UIElement).styles.map((text) => {
      let sheet = sheets.get(text);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        sheets.set(text, sheet); // one sheet per text, shared by every instance
      }
      return sheet;
    });
  }

  connectedCallback(): void {
    this.requestUpdate();
  }

  /** Schedule one render for this microtask, however many changes ask for it. */
  requestUpdate(): void {
    if (this._queued) return;
    this._queued = true;
    this.updateComplete = Promise.resolve().then(() => {
      this._queued = false;
      const template = this.render();
      // Nothing to show yet (say, the locale is still on its way): keep the first layer on screen.
      if (this._foreign && template === nothing) return;
      // The first render renders the first layer's controls again in the same order: the one
      // with focus hands it to its successor, so a keyboard user keeps their place (WCAG 2.4.3).
      const controls = () => this.renderRoot.querySelectorAll<HTMLElement>('a,button');
      const active = this.renderRoot.activeElement;
      const at = this._foreign ? [...controls()].indexOf(active as HTMLElement) : -1;
      if (this._foreign) {
        this._foreign = false;
        this.renderRoot.replaceChildren();
        // The first layer is already on screen: it must not slide in a second time.
        this.toggleAttribute('data-settled', true);
      }
      render(template, this.renderRoot);
      if (at >= 0) (this._successor = [active, controls()[at]])[1]?.focus();
      this.updated?.();
    });
  }

  /** The template for the current state. */
  abstract render(): unknown;
  updated?(): void;
}
