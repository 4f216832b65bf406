/**
 * Trusted Types: under `require-trusted-types-for 'script'` a script's `src` and text must
 * come from a policy. consentry only re-inserts scripts the site itself put in its HTML
 * (tagged `type="text/plain"`), so its policy passes them through unchanged; the site
 * allows it with `trusted-types consentry`.
 */
interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

let policy: TrustedTypePolicyLike | null | undefined;

const getPolicy = (): TrustedTypePolicyLike | null => {
  if (policy === undefined) {
    policy = null;
    const factory = (
      globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }
    ).trustedTypes;
    try {
      policy =
        factory?.createPolicy('consentry', { createScript: (s: string) => s, createScriptURL: (s: string) => s }) ??
        null;
    } catch {
      // The page's CSP does not allow the `consentry` policy: strings are used as they are,
      // and the browser reports the violation to the site.
    }
  }
  return policy;
};

/** Script text, wrapped for Trusted Types when the page enforces them. */
export const trustedScript = (text: string): string => (getPolicy()?.createScript(text) ?? text) as string;

/** Script URL, wrapped for Trusted Types when the page enforces them. */
export const trustedScriptURL = (url: string): string => (getPolicy()?.createScriptURL(url) ?? url) as string;
