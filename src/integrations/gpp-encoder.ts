// The IAB Global Privacy Platform string for the sections consentry writes: the header (id 3),
// `usnat` (id 7, version 2) and `usca` (id 8, version 1), each with its GPC subsection. Written
// from the IAB specifications (GPP "Consent String Specification", "US National Privacy
// Technical Specification", "US State Privacy Technical Specification"); the test suite checks
// it against @iabgpp/cmpapi byte for byte. Values are the specification's: 0 not applicable,
// 1 yes / opted out, 2 no / did not opt out.

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `n` as a fixed-width bit string. */
const bits = (n: number, width: number): string => n.toString(2).padStart(width, '0');

/** Bits as base64url: padded to whole bytes, then to whole characters (GPP's "compressed" form, every segment here). */
const base64url = (b: string): string => {
  const bytes = Math.ceil(b.length / 8) * 8;
  return b
    .padEnd(bytes, '0')
    .padEnd(Math.ceil(bytes / 6) * 6, '0')
    .replace(/.{6}/g, (six) => BASE64URL[parseInt(six, 2)]);
};

/** Fibonacci (Zeckendorf) code of a positive integer, ending in `11`. */
const fibonacci = (n: number): string => {
  const fib = [1, 2];
  while (fib[fib.length - 1] + fib[fib.length - 2] <= n) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
  let code = '';
  for (let i = fib.length - 1; i >= 0; i--)
    if (fib[i] <= n) (n -= fib[i]), (code = `1${code}`);
    else if (code) code = `0${code}`;
  return `${code}1`;
};

/** The fields of a US section after Version, in encoding order, each 2 bits; `:n` a list of n. */
const FIELDS = {
  usnat:
    'SharingNotice SaleOptOutNotice SharingOptOutNotice TargetedAdvertisingOptOutNotice SensitiveDataProcessingOptOutNotice SensitiveDataLimitUseNotice SaleOptOut SharingOptOut TargetedAdvertisingOptOut SensitiveDataProcessing:16 KnownChildSensitiveDataConsents:3 PersonalDataConsents MspaCoveredTransaction MspaOptOutOptionMode MspaServiceProviderMode',
  usca: 'SaleOptOutNotice SharingOptOutNotice SensitiveDataLimitUseNotice SaleOptOut SharingOptOut SensitiveDataProcessing:9 KnownChildSensitiveDataConsents:2 PersonalDataConsents MspaCoveredTransaction MspaOptOutOptionMode MspaServiceProviderMode',
};

/** A US section's fields by their specification names (`SaleOptOut`, `SensitiveDataProcessing`: a list, `Gpc`: a boolean). */
export type UsSection = Record<string, number | number[] | boolean>;

/** The sections consentry writes: id, version. */
export const SECTIONS = { usnat: [7, 2], usca: [8, 1] } as const;

/** A US section's fields, all "not applicable" (0), lists at their length, `Gpc` false. */
export const blankUsSection = (name: keyof typeof FIELDS): UsSection => {
  const fields: UsSection = { Version: SECTIONS[name][1], Gpc: false };
  for (const spec of FIELDS[name].split(' ')) {
    const [key, length] = spec.split(':');
    fields[key] = length ? Array(+length).fill(0) : 0;
  }
  return fields;
};

/** One US section: the core segment, then the GPC subsection (type 1). */
export const encodeUsSection = (name: keyof typeof FIELDS, fields: UsSection): string =>
  `${base64url(
    bits(SECTIONS[name][1], 6) +
      FIELDS[name]
        .split(' ')
        .flatMap((spec) => fields[spec.split(':')[0]] as number | number[])
        .map((v) => bits(v, 2))
        .join(''),
  )}.${base64url(`01${+!!fields.Gpc}`)}`;

/** The header: type 3, version 1, the section ids as a Fibonacci range. */
export const encodeHeader = (ids: number[]): string => {
  const sorted = [...ids].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const id of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] + 1 == id) last.push(id);
    else groups.push([id]);
  }
  let offset = 0;
  let range = bits(groups.length, 12);
  for (const group of groups) {
    const first = group[0];
    const end = group[group.length - 1];
    range +=
      group.length == 1 ? `0${fibonacci(first - offset)}` : `1${fibonacci(first - offset)}${fibonacci(end - first)}`;
    offset = end;
  }
  return base64url(bits(3, 6) + bits(1, 6) + range);
};

/** The GPP string: the header, then each section in id order. */
export const encodeGpp = (sections: Array<[id: number, encoded: string]>): string => {
  const sorted = [...sections].sort((a, b) => a[0] - b[0]);
  return [encodeHeader(sorted.map(([id]) => id)), ...sorted.map(([, s]) => s)].join('~');
};
