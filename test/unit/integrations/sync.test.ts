import { expect } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { SYNC_CHANNEL, syncTabs, tabSync } from '../../../src/integrations/sync.js';

/** Wait for the next message on a channel. */
const nextMessage = (channel: BroadcastChannel) =>
  new Promise((resolve) => channel.addEventListener('message', resolve, { once: true }));

/** syncTabs opens its channel in a task of its own: a timer queued after that one runs after it. */
const opened = () => new Promise((resolve) => setTimeout(resolve));

describe('cross-tab sync', () => {
  it('applies a change another tab announces, once, and does not apply what it already saw', async () => {
    let stored = 'a';
    let applied = 0;
    syncTabs(
      () => stored,
      () => applied++,
    );
    await opened();
    const otherTab = new BroadcastChannel(SYNC_CHANNEL);
    const listener = new BroadcastChannel(SYNC_CHANNEL);

    stored = 'b';
    otherTab.postMessage(1);
    await nextMessage(listener);
    // HTML spec: a message is delivered to channels in creation order, so the one under test already ran.
    expect(applied).to.equal(1);

    otherTab.postMessage(1); // same cookie: nothing to apply
    await nextMessage(listener);
    expect(applied).to.equal(1);
    otherTab.close();
    listener.close();
  });

  it('a change another tab made before the channel opened is applied when it opens', async () => {
    let stored = 'a';
    let applied = 0;
    syncTabs(
      () => stored,
      () => applied++,
    );
    stored = 'b'; // stored by another tab, whose message this tab could not hear yet
    await opened();
    expect(applied).to.equal(1);
  });

  it('notify announces to other tabs and does not apply its own change', async () => {
    let stored = 'a';
    let applied = 0;
    const notify = syncTabs(
      () => stored,
      () => applied++,
    );
    const otherTab = new BroadcastChannel(SYNC_CHANNEL);
    const heard = nextMessage(otherTab);
    stored = 'b';
    notify();
    await heard;
    window.dispatchEvent(new FocusEvent('focus'));
    expect(applied).to.equal(0);
    otherTab.close();
  });
});

describe('cross-tab sync, plugged into the engine', () => {
  afterEach(() => void (document.cookie = 'synced=; max-age=0; path=/'));

  it("one engine's decision reaches another engine on the same cookie, which applies it; reset() asks the other again", async () => {
    const config = { cookie: { name: 'synced' }, reloadOnWithdraw: false };
    const here = createConsent(config, { _integrations: [tabSync()] });
    const there = createConsent(config, { _integrations: [tabSync()] });
    await opened();
    const changed = new Promise((resolve) => there.on('change', resolve));
    here.acceptAll();
    await changed;
    expect(there.granted('analytics')).to.equal(true);
    const asked = new Promise((resolve) => there.on('show', resolve));
    here.reset();
    await asked;
    expect(there.get()).to.equal(null);
  });
});
