import { expect } from '@open-wc/testing';
import { deleteCookiesOf, domainVariants, matchingNames, pathVariants } from '../../src/core/cleaner.js';
import { resolveConfig } from '../../src/core/config.js';

describe('cookie cleaner', () => {
  it('tries host-only, the host and every parent domain, with and without the dot, and the configured one', () => {
    expect(domainVariants('shop.example.test', '.cdn.test')).to.deep.equal([
      undefined,
      '.cdn.test',
      'shop.example.test',
      '.shop.example.test',
      'example.test',
      '.example.test',
      'test',
      '.test',
    ]);
    expect(domainVariants('localhost')).to.deep.equal([undefined, 'localhost', '.localhost']);
  });

  it('tries "/", each prefix of the path with and without its slash, and the configured one', () => {
    expect(pathVariants('/shop/cart', '/x')).to.deep.equal(['/', '/x', '/shop', '/shop/', '/shop/cart', '/shop/cart/']);
    expect(pathVariants('/')).to.deep.equal(['/']);
    expect(pathVariants('/a/')).to.deep.equal(['/', '/a', '/a/']);
  });

  it('matches exact names as given and "*" patterns against the visible names', () => {
    const names = ['_ga', '_ga_ABC123', '_gid', 'x_ga_', 'a.b'];
    expect(matchingNames('_ga_*', names)).to.deep.equal(['_ga_ABC123']);
    expect(matchingNames('_g*', names)).to.deep.equal(['_ga', '_ga_ABC123', '_gid']);
    expect(matchingNames('a.*', names)).to.deep.equal(['a.b']);
    expect(matchingNames('_hidden', names)).to.deep.equal(['_hidden']);
  });

  it('deletes the cookies of refused categories only, wherever they were set', () => {
    const config = resolveConfig({
      categories: { analytics: { cookies: ['_ga', '_ga_*'] }, identity: { cookies: ['login'] } },
    });
    const path = location.pathname.replace(/[^/]*$/, '');
    document.cookie = '_ga=1; path=/';
    document.cookie = `_ga_XYZ=1; path=${path}`;
    document.cookie = 'login=1; path=/';
    document.cookie = 'other=1; path=/';
    deleteCookiesOf(config, (c) => c != 'analytics');
    expect(document.cookie.split('; ').sort()).to.deep.equal(['login=1', 'other=1']);
    deleteCookiesOf(config, () => false);
    expect(document.cookie).to.equal('other=1');
    document.cookie = 'other=; max-age=0; path=/';
  });
});
