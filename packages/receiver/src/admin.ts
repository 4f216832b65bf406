// The admin token: `Authorization: Bearer <token>`, compared in constant time (hashing both
// sides first makes the comparison independent of length too).
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A checker for `Authorization` header values; always false when no token is configured. */
export const adminCheck = (token: string | undefined) => {
  const expected = token ? digest(token) : null;
  return (authorization: string | undefined): boolean => {
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    return expected != null && given != null && timingSafeEqual(digest(given), expected);
  };
};
