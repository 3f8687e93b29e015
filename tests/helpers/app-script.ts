/**
 * The one script every page of the site loads besides the widget: the app's client
 * (src/offline/pwa/client.ts, via UpdateNotice.astro), which registers the service worker.
 */
export const isAppScript = (src: string | undefined): boolean =>
  /^\/_astro\/UpdateNotice\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(src ?? '');

/**
 * The script of "Did this solve it?" on entry pages (Feedback.astro): two buttons that fire
 * pos-faq-feedback. It loads with the page, since the buttons must work without the lookup.
 */
export const isFeedbackScript = (src: string | undefined): boolean =>
  /^\/_astro\/Feedback\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.test(src ?? '');
