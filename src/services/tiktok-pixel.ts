import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// TikTok Pixel. Sources: TikTok's pixel base code (https://ads.tiktok.com/help/article/get-started-pixel),
// TikTok's cookie policy (https://www.tiktok.com/legal/page/global/cookie-policy/en), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, domain map: analytics.tiktok.com).
// Not listed, to keep the head script small: analytics-ipv6.tiktokw.us, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const tiktokPixel: ServiceBlocking = {
  id: 'tiktok-pixel',
  category: 'advertising',
  hosts: [
    'analytics.tiktok.com', // i18n/pixel/events.js and api/v2/pixel hits (TikTok docs; third-party-web)
  ],
  cookies: [
    '_ttp', // OCD b32d6b4e-f23a-4952-9487-37886e8b4956
    '_tt_enable_cookie', // OCD 6a3a4784-0a3a-498f-a947-a97ab1d031fd
  ],
};

/** Display data (banner). */
export const tiktokPixelInfo: ServiceInfo = {
  label: 'TikTok Pixel',
  vendor: 'TikTok Technology Limited',
  purpose: 'ads-audiences',
  policyUrl: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  retention: { months: 13 }, // OCD _ttp: 389 days
};
