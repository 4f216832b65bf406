import type { Integration } from '../core/integration.js';
import { guard } from '../core/intercept.js';

// Browser permissions behind the purposes they serve (docs/guide/regions.md "Browser permissions"):
// until `permissions` maps a capability to something granted, the page's calls get the answer a
// refused prompt gives, and the browser never shows a prompt.

type Method = (...args: unknown[]) => unknown;

/** Geolocation refused as a denied prompt refuses it: the error callback, asynchronously, code 1 (GeolocationPositionError cannot be constructed by a page). */
const refuseGeolocation: Method = (_, error) =>
  setTimeout(() => (error as Method | undefined)?.({ code: 1, PERMISSION_DENIED: 1 }));

/** Gate geolocation, notifications and push per `config.permissions` as an engine integration. */
export const permissions = (): Integration => ({
  _start(api) {
    const { geolocation, notifications, push } = api.config.permissions;
    // Each: where the method lives, its name, the key that must be granted, what a refusal returns.
    for (const [owner, name, key, refuse] of [
      [globalThis.Geolocation?.prototype, 'getCurrentPosition', geolocation, refuseGeolocation],
      // watchPosition returns a watch id: the timeout's, which clearWatch ignores.
      [globalThis.Geolocation?.prototype, 'watchPosition', geolocation, refuseGeolocation],
      [
        globalThis.Notification,
        'requestPermission',
        notifications,
        (callback?: Method) => (callback?.('default'), Promise.resolve('default')),
      ],
      [
        globalThis.PushManager?.prototype,
        'subscribe',
        push,
        () => Promise.reject(new DOMException('', 'NotAllowedError')),
      ],
    ] as unknown as [Record<string, Method> | undefined, string, string | undefined, Method][]) {
      const real = owner?.[name];
      // A frozen prototype costs this gate alone, said once; the engine goes on.
      if (key && real)
        guard(name, () => {
          owner[name] = function (this: unknown, ...args) {
            return api.granted(key) ? real.apply(this, args) : refuse(...args);
          };
        });
    }
  },
});
