// The built-in catalog's blocking data, for `createConsent(config, { catalog })` and the
// script-tag head script. Data only; display texts are in ./info.ts.
// Order: Western services, then Chinese ones; scripts/catalog-table.mjs keeps it.
import type { ServiceBlocking } from '../core/types.js';
import { googleAnalytics } from './google-analytics.js';
import { googleTagManager } from './google-tag-manager.js';
import { googleAds } from './google-ads.js';
import { googleAdsense } from './google-adsense.js';
import { doubleclick } from './doubleclick.js';
import { metaPixel } from './meta-pixel.js';
import { microsoftUet } from './microsoft-uet.js';
import { microsoftClarity } from './microsoft-clarity.js';
import { hotjar } from './hotjar.js';
import { linkedinInsight } from './linkedin-insight.js';
import { tiktokPixel } from './tiktok-pixel.js';
import { xPixel } from './x-pixel.js';
import { pinterestTag } from './pinterest-tag.js';
import { snapPixel } from './snap-pixel.js';
import { matomoCloud } from './matomo-cloud.js';
import { plausible } from './plausible.js';
import { posthog } from './posthog.js';
import { mixpanel } from './mixpanel.js';
import { amplitude } from './amplitude.js';
import { segment } from './segment.js';
import { heap } from './heap.js';
import { fullstory } from './fullstory.js';
import { intercom } from './intercom.js';
import { hubspot } from './hubspot.js';
import { zendesk } from './zendesk.js';
import { crisp } from './crisp.js';
import { youtube } from './youtube.js';
import { vimeo } from './vimeo.js';
import { googleMaps } from './google-maps.js';
import { openstreetmap } from './openstreetmap.js';
import { spotify } from './spotify.js';
import { soundcloud } from './soundcloud.js';
import { calendly } from './calendly.js';
import { recaptcha } from './recaptcha.js';
import { cloudflareTurnstile } from './cloudflare-turnstile.js';
import { stripe } from './stripe.js';
import { sentry } from './sentry.js';
import { criteo } from './criteo.js';
import { taboola } from './taboola.js';
import { outbrain } from './outbrain.js';
import { baiduTongji } from './baidu-tongji.js';
import { cnzz } from './cnzz.js';
import { tencentAds } from './tencent-ads.js';
import { oceanEngine } from './ocean-engine.js';
import { bilibili } from './bilibili.js';
import { youku } from './youku.js';
import { tencentVideo } from './tencent-video.js';
import { amap } from './amap.js';
import { baiduMaps } from './baidu-maps.js';
import { wechatJssdk } from './wechat-jssdk.js';
import { alipay } from './alipay.js';
import { weibo } from './weibo.js';

/** Every catalog service's blocking data (hosts, cookies, category, Consent Mode signals). */
export const catalog: readonly ServiceBlocking[] = [
  googleAnalytics,
  googleTagManager,
  googleAds,
  googleAdsense,
  doubleclick,
  metaPixel,
  microsoftUet,
  microsoftClarity,
  hotjar,
  linkedinInsight,
  tiktokPixel,
  xPixel,
  pinterestTag,
  snapPixel,
  matomoCloud,
  plausible,
  posthog,
  mixpanel,
  amplitude,
  segment,
  heap,
  fullstory,
  intercom,
  hubspot,
  zendesk,
  crisp,
  youtube,
  vimeo,
  googleMaps,
  openstreetmap,
  spotify,
  soundcloud,
  calendly,
  recaptcha,
  cloudflareTurnstile,
  stripe,
  sentry,
  criteo,
  taboola,
  outbrain,
  baiduTongji,
  cnzz,
  tencentAds,
  oceanEngine,
  bilibili,
  youku,
  tencentVideo,
  amap,
  baiduMaps,
  wechatJssdk,
  alipay,
  weibo,
];
