import { expect } from '@open-wc/testing';
import { createConsent } from '../../src/core/consent.js';

// Interceptors patch this page's prototypes once; every test below runs with them installed.
const consent = createConsent({ rules: [{ category: 'analytics', hosts: ['*.tracker.test'] }] });
const T = 'http://cdn.tracker.test:1';

describe('interceptors leave unruled URLs alone', () => {
  it('return what the originals return and throw what they throw', () => {
    const box = document.createElement('div');
    const img = document.createElement('img');
    expect(box.appendChild(img)).to.equal(img);
    expect(box.insertBefore(document.createElement('span'), null).localName).to.equal('span');
    expect(() => box.appendChild(null as unknown as Node)).to.throw(TypeError);
    expect(() => Element.prototype.setAttribute.call(null, 'src', 'x')).to.throw(TypeError);
    expect(() => img.setAttribute(Symbol() as unknown as string, 'x')).to.throw(TypeError);
    expect(() => (img.setAttribute as (...a: unknown[]) => void)()).to.throw(TypeError);
    expect(() => box.insertAdjacentHTML('nowhere' as InsertPosition, '<img>')).to.throw(DOMException);
    expect(img.setAttribute('src', '/a.gif')).to.equal(undefined);
    expect(img.getAttribute('src')).to.equal('/a.gif');
    img.src = 'https://cdn.other.test/b.gif';
    expect(img.src).to.equal('https://cdn.other.test/b.gif');
    const odd = document.createElement('constructor');
    odd.setAttribute('src', `${T}/x`);
    expect(box.appendChild(odd).getAttribute('src')).to.equal(`${T}/x`);
    expect(consent.blocked()).to.deep.equal([]);
  });

  it('parse HTML without ruled URLs exactly as before', () => {
    const markup =
      '<table><tr><td><img src="/x.gif" alt="a &amp; b"></td></tr></table><script src="/s.js"></script><p>t';
    // DOMParser is not patched (its documents load nothing): the reference parse.
    const expected = new DOMParser().parseFromString(markup, 'text/html').body.innerHTML;
    const box = document.createElement('div');
    box.innerHTML = markup;
    expect(box.innerHTML).to.equal(expected);
    box.textContent = '';
    box.insertAdjacentHTML('afterbegin', markup);
    expect(box.innerHTML).to.equal(expected);
    expect(box.querySelector('img')!.getAttribute('src')).to.equal('/x.gif');
  });

  it('let same-origin fetch and XHR through untouched', async () => {
    const response = await fetch(location.href);
    expect(response.ok).to.equal(true);
    const status = await new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.onload = () => resolve(x.status);
      x.open('GET', location.href);
      x.send();
    });
    expect(status).to.equal(200);
  });
});

describe('interceptors hold ruled elements', () => {
  it('in the tagged form TagGatekeeper releases', () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${T}/t.js`;
    expect([script.type, script.getAttribute('data-type'), script.getAttribute('data-consent')]).to.deep.equal([
      'text/plain',
      'module',
      'analytics',
    ]);
    const frame = document.createElement('iframe');
    frame.setAttribute('SRC', `${T}/embed.html`);
    expect([frame.getAttribute('src'), frame.getAttribute('data-src'), frame.dataset.consent]).to.deep.equal([
      null,
      `${T}/embed.html`,
      'analytics',
    ]);
    const img = new Image();
    img.srcset = `/ok.gif 1x, ${T}/p.gif 2x`;
    expect([img.getAttribute('srcset'), img.dataset.srcset]).to.deep.equal([null, `/ok.gif 1x, ${T}/p.gif 2x`]);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.href = `${T}/t.js`;
    expect(link.getAttribute('href')).to.equal(null);
    const box = document.createElement('div');
    box.innerHTML = `<p>x</p><img src="${T}/i.gif" alt="">`;
    expect(box.innerHTML).to.equal(`<p>x</p><img alt="" data-src="${T}/i.gif" data-consent="analytics">`);
    expect(consent.blocked().map((b) => b.kind)).to.deep.equal(['script', 'iframe', 'img', 'link', 'img']);
  });

  it('also when the URL arrives by cloning or importing markup', () => {
    const template = document.createElement('template');
    Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!.call(
      template,
      `<script src="${T}/c.js"></script>`,
    );
    const copy = document.importNode(template.content, true);
    document.body.appendChild(copy);
    const script = document.body.lastElementChild as HTMLScriptElement;
    expect([script.type, script.dataset.consent]).to.deep.equal(['text/plain', 'analytics']);
    script.remove();
  });
});
