/**
 * Serialises structured data for a `<script type="application/ld+json">`. `<` is escaped so that
 * content such as `</script><img …>` in a title cannot end the script element.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
