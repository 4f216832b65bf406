import { expect } from '@open-wc/testing';
import { html } from 'lit/html.js';
import { UIElement } from '../../../src/ui/element.js';

class CountingElement extends UIElement {
  static override styles = [':host{display:block;color:rgb(1, 2, 3)}'];
  renders = 0;
  override render(): unknown {
    this.renders++;
    return html`<p part="text">render ${this.renders}</p>`;
  }
}
customElements.define('counting-element', CountingElement);

describe('UIElement (the banner base on lit-html)', () => {
  it('renders once per batch of requestUpdate calls, with the styles adopted as constructed sheets', async () => {
    const el = document.createElement('counting-element') as CountingElement;
    document.body.append(el);
    el.requestUpdate();
    el.requestUpdate();
    await el.updateComplete;
    expect(el.renders).to.equal(1);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('render 1');
    expect(el.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.renders).to.equal(2);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('render 2');
    // A second instance shares the sheet instead of parsing the CSS again.
    const other = document.createElement('counting-element') as CountingElement;
    expect(other.shadowRoot!.adoptedStyleSheets[0]).to.equal(el.shadowRoot!.adoptedStyleSheets[0]);
    el.remove();
  });
});
