/**
 * The site never lists phone numbers, web addresses or social-media contacts: readers are sent
 * to a role ("the acquirer's helpdesk", "发卡行"), which cannot go stale or be hijacked by an ad.
 */
const RULES: { what: string; pattern: RegExp }[] = [
  { what: 'a phone number', pattern: /(?<![\d.])\+?\d[\d -]{6,}\d(?![\d.])/u },
  { what: 'a web address', pattern: /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|cn|net|org)\b/iu },
  // WeChat Pay is a way to pay that entries must be able to name; a WeChat ID or group is a contact.
  {
    what: 'a social-media contact',
    pattern: /微信号|加微信|加个微信|微信群|QQ群|QQ号|公众号|抖音号|wechat\s*(?:id|group|account|official)|(?:add|message|contact)\s+(?:me|us)\s+on\s+wechat|wechat\s*[:：]|whatsapp|telegram|wx[:：]/iu,
  },
];

/** Returns what is wrong with a piece of content text, or null. */
export function policyViolation(text: string): string | null {
  for (const { what, pattern } of RULES) {
    const match = pattern.exec(text);
    if (match) return `contains ${what} ("${match[0]}")`;
  }
  return null;
}

export const POLICY_FIX =
  'remove it: the site lists no phone numbers, websites or social contacts; name the role instead (收单机构客服, the card issuer)';
