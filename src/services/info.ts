// The built-in catalog's display data (label, vendor, purpose, policy link), loaded with the banner.
import type { ServiceInfo } from '../core/types.js';
import { googleAnalyticsInfo } from './google-analytics.js';
import { googleTagManagerInfo } from './google-tag-manager.js';
import { googleAdsInfo } from './google-ads.js';
import { googleAdsenseInfo } from './google-adsense.js';
import { doubleclickInfo } from './doubleclick.js';
import { metaPixelInfo } from './meta-pixel.js';
import { microsoftUetInfo } from './microsoft-uet.js';
import { microsoftClarityInfo } from './microsoft-clarity.js';
import { hotjarInfo } from './hotjar.js';
import { linkedinInsightInfo } from './linkedin-insight.js';
import { tiktokPixelInfo } from './tiktok-pixel.js';
import { xPixelInfo } from './x-pixel.js';
import { pinterestTagInfo } from './pinterest-tag.js';
import { snapPixelInfo } from './snap-pixel.js';
import { matomoCloudInfo } from './matomo-cloud.js';
import { plausibleInfo } from './plausible.js';
import { posthogInfo } from './posthog.js';
import { mixpanelInfo } from './mixpanel.js';
import { amplitudeInfo } from './amplitude.js';
import { segmentInfo } from './segment.js';
import { heapInfo } from './heap.js';
import { fullstoryInfo } from './fullstory.js';
import { intercomInfo } from './intercom.js';
import { hubspotInfo } from './hubspot.js';
import { zendeskInfo } from './zendesk.js';
import { crispInfo } from './crisp.js';
import { youtubeInfo } from './youtube.js';
import { vimeoInfo } from './vimeo.js';
import { googleMapsInfo } from './google-maps.js';
import { openstreetmapInfo } from './openstreetmap.js';
import { spotifyInfo } from './spotify.js';
import { soundcloudInfo } from './soundcloud.js';
import { calendlyInfo } from './calendly.js';
import { recaptchaInfo } from './recaptcha.js';
import { cloudflareTurnstileInfo } from './cloudflare-turnstile.js';
import { stripeInfo } from './stripe.js';
import { sentryInfo } from './sentry.js';
import { criteoInfo } from './criteo.js';
import { taboolaInfo } from './taboola.js';
import { outbrainInfo } from './outbrain.js';
import { baiduTongjiInfo } from './baidu-tongji.js';
import { cnzzInfo } from './cnzz.js';
import { tencentAdsInfo } from './tencent-ads.js';
import { oceanEngineInfo } from './ocean-engine.js';
import { bilibiliInfo } from './bilibili.js';
import { youkuInfo } from './youku.js';
import { tencentVideoInfo } from './tencent-video.js';
import { amapInfo } from './amap.js';
import { baiduMapsInfo } from './baidu-maps.js';
import { wechatJssdkInfo } from './wechat-jssdk.js';
import { alipayInfo } from './alipay.js';
import { weiboInfo } from './weibo.js';

/** Display data of every catalog service, by id. */
export const catalogInfo: Readonly<Record<string, ServiceInfo>> = {
  'google-analytics': googleAnalyticsInfo,
  'google-tag-manager': googleTagManagerInfo,
  'google-ads': googleAdsInfo,
  'google-adsense': googleAdsenseInfo,
  doubleclick: doubleclickInfo,
  'meta-pixel': metaPixelInfo,
  'microsoft-uet': microsoftUetInfo,
  'microsoft-clarity': microsoftClarityInfo,
  hotjar: hotjarInfo,
  'linkedin-insight': linkedinInsightInfo,
  'tiktok-pixel': tiktokPixelInfo,
  'x-pixel': xPixelInfo,
  'pinterest-tag': pinterestTagInfo,
  'snap-pixel': snapPixelInfo,
  'matomo-cloud': matomoCloudInfo,
  plausible: plausibleInfo,
  posthog: posthogInfo,
  mixpanel: mixpanelInfo,
  amplitude: amplitudeInfo,
  segment: segmentInfo,
  heap: heapInfo,
  fullstory: fullstoryInfo,
  intercom: intercomInfo,
  hubspot: hubspotInfo,
  zendesk: zendeskInfo,
  crisp: crispInfo,
  youtube: youtubeInfo,
  vimeo: vimeoInfo,
  'google-maps': googleMapsInfo,
  openstreetmap: openstreetmapInfo,
  spotify: spotifyInfo,
  soundcloud: soundcloudInfo,
  calendly: calendlyInfo,
  recaptcha: recaptchaInfo,
  'cloudflare-turnstile': cloudflareTurnstileInfo,
  stripe: stripeInfo,
  sentry: sentryInfo,
  criteo: criteoInfo,
  taboola: taboolaInfo,
  outbrain: outbrainInfo,
  'baidu-tongji': baiduTongjiInfo,
  cnzz: cnzzInfo,
  'tencent-ads': tencentAdsInfo,
  'ocean-engine': oceanEngineInfo,
  bilibili: bilibiliInfo,
  youku: youkuInfo,
  'tencent-video': tencentVideoInfo,
  amap: amapInfo,
  'baidu-maps': baiduMapsInfo,
  'wechat-jssdk': wechatJssdkInfo,
  alipay: alipayInfo,
  weibo: weiboInfo,
};
