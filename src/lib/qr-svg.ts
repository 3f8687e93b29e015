import QRCode from 'qrcode';

/**
 * An inline SVG QR code for `text`, made at build time. Error correction M survives a smudged
 * or creased print; the four-module quiet zone is what scanners need around the code. The SVG
 * is an image with a name, so screen readers announce it instead of skipping it.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const name = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${name}" focusable="false" `);
}
