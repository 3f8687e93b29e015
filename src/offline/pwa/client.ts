/**
 * The pages' side of the installable app, one small module script on every page (it never
 * blocks rendering). It does nothing on file:// (the offline zip) or without service workers.
 *
 * - Registers sw.js and, when a newer version has been installed, shows the update notice
 *   (UpdateNotice.astro); a page still open when a newer worker takes over reloads.
 * - Drives "Save for offline use" on the home pages (SaveOffline.astro): asks the worker how
 *   large, stores with progress, removes; reports storage refused (quota, QuotaExceededError),
 *   not made persistent, or evicted since it was saved.
 */
const sw = navigator.serviceWorker;
if (sw && location.protocol != 'file:') {
  const $ = <T extends Element = HTMLElement>(s: string) => document.querySelector<T>(s);
  const notice = $('[data-sw-update]');
  let controlled = !!sw.controller;
  let leaving = false;
  addEventListener('beforeunload', () => (leaving = true));
  // Never run the old page with the new build's files; not on the first install.
  sw.addEventListener('controllerchange', () => {
    if (controlled && !leaving) location.reload();
    controlled = true;
  });
  sw.register('/sw.js').then((reg) => {
    const show = () => notice && sw.controller && (notice.hidden = false);
    if (reg.waiting) show();
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w?.addEventListener('statechange', () => w.state == 'installed' && show());
    });
    notice?.querySelector('button')?.addEventListener('click', () => reg.waiting?.postMessage({ type: 'skip-waiting' }));
  }, () => {});

  const section = $('[data-save-section]');
  if (section) void save(section);
}

interface Status {
  build: string;
  total: number;
  saved: number;
  bytes: number;
}

async function save(section: HTMLElement) {
  const $ = <T extends Element = HTMLElement>(s: string) => section.querySelector<T>(s)!;
  const button = $<HTMLButtonElement>('[data-save-offline]');
  const remove = $<HTMLButtonElement>('[data-save-remove]');
  const bar = $<HTMLProgressElement>('progress');
  const note = $('[data-save-note]');
  const lang = document.documentElement.lang.slice(0, 2);
  const key = 'pos-faq-saved-' + lang;
  const { active } = await navigator.serviceWorker.ready;
  const ask = (type: string, onReply: (r: any) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => onReply(e.data);
    active!.postMessage({ type, lang }, [channel.port2]);
  };
  const status = () => new Promise<Status>((r) => ask('status', r));
  const mb = (bytes: number) => Math.max(0.1, bytes / 1048576).toFixed(1) + ' MB';
  let s = await status();
  const size = mb(s.bytes);
  const say = (name: string, vars: Record<string, string | number> = {}) =>
    ($('[data-save-status]').textContent = (button.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? size)));
  const state = (value: string) => {
    button.dataset['saveOffline'] = value;
    button.disabled = value == 'saving' || value == 'done';
    remove.hidden = value != 'done';
    button.textContent = (button.dataset[value == 'done' ? 'saved' : 'label'] ?? '').replace('{size}', size);
    bar.hidden = value != 'saving';
  };
  section.hidden = false;
  if (s.saved == s.total) {
    state('done');
    say('done', { total: s.total });
  } else {
    state('ready');
    // Saved once and now incomplete: the browser evicted it.
    if (localStorage.getItem(key)) say('evicted');
    localStorage.removeItem(key);
  }

  button.onclick = async () => {
    note.hidden = true;
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const free = estimate?.quota! - (estimate?.usage ?? 0);
    if (free < s.bytes) {
      state('error');
      say('quota', { free: mb(free) });
      return;
    }
    // Persistent storage keeps the browser from evicting the pages when space runs low.
    if (!(await navigator.storage?.persist?.().catch(() => false))) {
      note.textContent = button.dataset['notPersisted']!;
      note.hidden = false;
    }
    state('saving');
    say('progress', { done: 0, total: s.total });
    ask('save', (r) => {
      if (r.total) {
        bar.value = r.done / r.total;
        say('progress', r);
      } else if (r.saved) {
        localStorage.setItem(key, s.build);
        state('done');
        say('done', { total: s.total });
      } else {
        state('error');
        say(r.error == 'quota' ? 'refused' : 'failed');
      }
    });
  };
  remove.onclick = () =>
    ask('remove', async () => {
      localStorage.removeItem(key);
      s = await status();
      note.hidden = true;
      state('ready');
      say('removed');
    });
}
