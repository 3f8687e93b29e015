import type { DiagnoseData } from '../../src/lib/diagnose.ts';
import { collect, part, until, type Widget } from './harness.ts';

/*
 * Helpers of the widget's diagnosis tests (diagnose.test.ts): the route to an entry read from the
 * tree the site publishes, and the parts of the diagnosis view as a reader sees them.
 */

const trees = new Map<string, Promise<DiagnoseData>>();
/** The tree the site publishes for the widget, read by the test itself. */
export function tree(site: string, locale: string): Promise<DiagnoseData> {
  const url = `${site}widget/diagnose/${locale}.json`;
  let data = trees.get(url);
  if (!data) {
    data = fetch(url).then((r) => r.json() as Promise<DiagnoseData>);
    trees.set(url, data);
  }
  return data;
}

/** The questions to answer and the answer (index) to pick at each, to reach `entry`. */
export function route(data: DiagnoseData, entry: string): { id: string; answer: number }[] {
  const walk = (id: string): { id: string; answer: number }[] | null => {
    for (const [answer, a] of data.questions[id]!.answers.entries()) {
      if (a.entry === entry) return [{ id, answer }];
      const rest = a.next ? walk(a.next) : null;
      if (rest) return [{ id, answer }, ...rest];
    }
    return null;
  };
  const found = walk(data.start);
  if (!found) throw new Error(`the tree does not reach ${entry}`);
  return found;
}

export const heading = (el: Element) => part(el, 'h2');
export const headingText = (el: Element) => heading(el)?.textContent ?? null;
export const kicker = (el: Element) => heading(el)?.previousElementSibling?.textContent ?? null;
export const answers = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="answer"]')];
/** The answer labels, without their detail lines. */
export const labels = (el: Element) => answers(el).map((b) => b.firstElementChild?.textContent);
export const button = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text);
export const focused = (el: Element) => el.shadowRoot!.activeElement;
/** The link to the entry a diagnosis ended on. */
export const endLink = (el: Element) => part<HTMLAnchorElement>(el, 'a[part="option"]');

/** Waits until the widget shows `text` as its heading, focused. */
export async function shows(el: Element, text: string, { focus = true } = {}): Promise<void> {
  await until(() => headingText(el) === text, `the heading "${text}" (it is "${headingText(el)}")`);
  if (focus) await until(() => focused(el) === heading(el), `focus on the heading "${text}"`);
}

export async function open(el: Widget, label: string): Promise<void> {
  const start = await until(() => button(el, label), `the button "${label}"`);
  start.click();
  await until(() => heading(el), 'the first question');
}

/** Cancels pos-faq-select while it is collected, so that the test page does not navigate. */
export function selections() {
  const selects = collect<{ id: string; url: string; title: string; actor: string; step: string; codes: string[] }>(
    'pos-faq-select',
  );
  const cancel = (e: Event) => e.preventDefault();
  document.addEventListener('pos-faq-select', cancel);
  return {
    events: selects.events,
    stop() {
      document.removeEventListener('pos-faq-select', cancel);
      selects.stop();
    },
  };
}

