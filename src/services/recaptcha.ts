import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google reCAPTCHA. Sources: reCAPTCHA's display docs (https://developers.google.com/recaptcha/docs/display),
// its FAQ on www.recaptcha.net (https://developers.google.com/recaptcha/docs/faq), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, domain map: www.recaptcha.net).
// www.gstatic.com/recaptcha is loaded by api.js only, so it is not listed (Firebase and other
// Google products load from www.gstatic.com).

/** Blocking data (head script). */
export const recaptcha: ServiceBlocking = {
  // third_party, not necessary: Google evaluates the visitor's device and behaviour for its own
  // risk analysis; the German DSK and CNIL expect consent for it (or another captcha).
  id: 'recaptcha',
  category: 'third_party',
  hosts: [
    'www.google.com', // recaptcha/api.js (Google docs; shared with Google Maps' embed)
    'www.recaptcha.net', // recaptcha/api.js where www.google.com is not reachable (Google FAQ)
  ],
  shared: ['www.google.com'],
};

/** Display data (banner). */
export const recaptchaInfo: ServiceInfo = {
  label: 'Google reCAPTCHA',
  vendor: 'Google LLC',
  purpose: 'protect-forms',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { months: 6 }, // OCD _GRECAPTCHA: 179 days
  vendorCookies: [
    '_GRECAPTCHA', // OCD f6f65358-15e8-4dcc-9014-13ae87d0e880 (google.com)
  ],
};
