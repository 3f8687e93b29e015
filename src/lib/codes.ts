/**
 * Response-code handling shared by the site, the widget and the tests: the one place that
 * decides what a typed query means as a code.
 */

/** The entry a response code that no entry owns leads to: a generic "transaction failed". */
export const UNKNOWN_CODE_ENTRY = 'unknown-code';

/**
 * Words people put around a code: "code 51", "错误码51", "返回码：51", "响应码 05", "rc=51".
 * Everything else in the query must be empty for it to count as a code query, so that
 * "51 元" or "pin 5 times" are not read as codes.
 */
const AROUND = /^(?:(?:response|error|reason|resp|rc|err)?\s*code|rc|err(?:or)?|错误码|返回码|响应码|应答码|错误代码|代码|码|交易失败|失败)?\s*[:：=#]?\s*([0-9a-z]{1,2})\s*(?:号|码)?$/iu;

/**
 * Returns the two-character response code a query asks about, or null. A single digit is
 * padded ("5" is 05), letters are upper-cased ("a0" is A0). Full-width digits count too.
 */
export function normaliseCode(query: string): string | null {
  const text = query
    .normalize('NFKC')
    .trim()
    .replace(/[“”"'`]/g, '');
  const match = AROUND.exec(text);
  if (!match?.[1]) return null;
  const raw = match[1].toUpperCase();
  // A lone letter or a two-letter word ("ok", "no") is not a code; codes have at least one digit.
  if (!/[0-9]/.test(raw)) return null;
  return raw.length === 1 ? `0${raw}` : raw;
}

/** Orders codes as the table prints them: numeric ones first, then letters. Missing sorts last. */
export function compareCodes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an !== bn) return an ? -1 : 1;
  return a.localeCompare(b, 'en');
}

/**
 * A code inside a longer query, as people copy it off the screen or mention it: "A0 MAC校验错",
 * "51 余额不足", "外国人的卡刷不了 15". Only standalone two-character tokens with a digit count, so
 * "5 times" or "T+1" are not codes. The first one wins.
 */
export function codeInText(query: string): string | null {
  const text = query.normalize('NFKC');
  const match = /(?<![0-9a-z])([0-9][0-9a-z]|[a-z][0-9])(?![0-9a-z])/iu.exec(text);
  return match?.[1]?.toUpperCase() ?? null;
}

/**
 * A title without the codes it starts with: "51 余额不足" becomes "余额不足", for places that
 * already show the code next to it (the codes table, lookup results).
 */
export function titleWithoutCodes(title: string, codes: readonly string[]): string {
  if (codes.length === 0) return title;
  const stripped = title.replace(/^(?:[0-9A-Z]{2}(?:\s*[/／、,，–-]\s*|\s+))+/u, '');
  return stripped || title;
}

/**
 * A vendor's code as the checker and the widget compare it (vendor overlays, README): full-width
 * folded, upper case, without hyphens or spaces, so that "err-3", "ERR 3" and "ERR3" are one code.
 * Here rather than in overlay-checks.ts so that the widget's overlay code does not bundle the checker.
 */
export const compactCode = (code: string) => code.normalize('NFKC').toUpperCase().replace(/[-\s]/g, '');
