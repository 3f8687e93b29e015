// `npm run offline`: the offline bundle for distributors, from the built site (see README,
// "Offline bundle"). Options:
//   --online-url=https://…   the address named on every page (default SITE_URL, or POS_FAQ_ONLINE_URL)
//   --dist=DIR --out=DIR     the built site (default dist/, built if missing) and the output (default offline/)
//   --strict                 fail when a link had to be removed instead of reporting it
//   --overlay=FOLDER         a vendor overlay in every lookup of the bundle, named after it (README, "Vendor overlays")
import { parseArgs } from 'node:util';
import { buildOffline } from '../src/offline/zip/bundle.ts';

const { values } = parseArgs({
  options: {
    'online-url': { type: 'string' },
    dist: { type: 'string' },
    out: { type: 'string' },
    strict: { type: 'boolean', default: false },
    overlay: { type: 'string' },
  },
});

try {
  const onlineUrl = values['online-url'] ?? process.env['POS_FAQ_ONLINE_URL'];
  const result = await buildOffline({
    ...(onlineUrl ? { onlineUrl } : {}),
    ...(values.dist ? { dist: values.dist } : {}),
    ...(values.out ? { out: values.out } : {}),
    strict: values.strict,
    ...(values.overlay ? { overlay: values.overlay } : {}),
  });
  // The same problem usually repeats on every page (a menu link): say it once, with a count.
  const byReason = Map.groupBy(result.warnings, (w) => w.slice(w.indexOf(': ') + 2).replace(/\b(zh|en)\//g, '<lang>/'));
  for (const [reason, where] of byReason) {
    console.warn(
      `warning: ${reason}\n  on ${where.length} page(s), e.g. ${where[0]?.slice(0, where[0].indexOf(': '))}`,
    );
  }
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `offline bundle ${result.version} (${result.date}): ${result.pages} pages, ${result.files} files, ` +
      `${kib(result.unpackedBytes)} unpacked\n  ${result.folder}/index.html\n  ${result.zip} ${kib(result.zipBytes)} (${result.zipBytes} bytes)` +
      (result.warnings.length ? `\n  ${result.warnings.length} warning(s) above` : ''),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  // A cause whose message the error already says in full (a broken overlay's problems) is not printed twice.
  if (error instanceof Error && error.cause && !(error.cause instanceof Error && error.message.includes(error.cause.message))) {
    console.error('Caused by:', error.cause);
  }
  process.exitCode = 1;
}
