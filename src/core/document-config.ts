import { docCall } from './dom.js';

/** The id of the JSON configuration block a script-tag install puts in the page. */
export const CONFIG_ELEMENT_ID = 'consentry-config';

/**
 * Read `<script type="application/json" id="consentry-config">`. JSON, not an inline script,
 * so a strict CSP needs no `unsafe-inline`. A missing block means `{}` (all defaults); a block
 * that is not valid JSON returns an Error, which the caller reports and treats as invalid config.
 */
export const readDocumentConfig = (): unknown => {
  const el = docCall('getElementById', CONFIG_ELEMENT_ID);
  if (!el) return {};
  try {
    return JSON.parse(el.textContent || '{}');
  } catch (error) {
    return new Error(`consentry: #${CONFIG_ELEMENT_ID} is not valid JSON (${(error as Error).message})`);
  }
};
