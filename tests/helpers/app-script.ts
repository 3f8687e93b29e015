/**
 * The one script every page of the site loads besides the widget: the app's client
 * (src/offline/pwa/client.ts, via UpdateNotice.astro), which registers the service worker.
 */
export const isAppScript = (src: string | undefined): boolean =>
  /^\/_astro\/UpdateNotice\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(src ?? '');
