/**
 * URL-valued properties (hast names) of the elements that navigate or fetch: what the offline
 * rewriting changes and what the link checks follow.
 */
export const URL_PROPS: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
  // The lookup's results page (Enter in the box opens it), and a vendor overlay (README).
  'pos-faq-lookup': ['action', 'overlay'],
  image: ['href', 'xLinkHref'],
  use: ['href', 'xLinkHref'],
};
