/**
 * English words for the second reading (widget/match.ts): the same key for the forms of a word, a
 * sentence's grammar left out, and a word the entries never use read as the entry word it most
 * likely meant (a typo, another form of it, or two typed words the entries write as one).
 */
import { STOP } from './rank.ts';
import { editsWithin } from './query.ts';

/** Light English stemming: the same key for card/cards, print/printed/printing. */
export const stem = (w: string) =>
  (w.length > 4 ? w.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s)$/, '') : w.replace(/s$/, '')).slice(0, 7);

/**
 * Negations as words, typed with or without the apostrophe (won't, cant, doesnt): "won't" must not
 * leave "wo", a word no entry has, which would weigh as the rarest word of the query.
 */
const NEGATION = /\b(?:(won)|(can)|(do|does|did|is|are|was|were|could|would|should|has|have|had|ain))['’]?t\b/g;

/**
 * English words that carry grammar, not the problem (a common stop list, and the widget's STOP):
 * left out of the measure, so that a whole sentence counts as much as its keywords.
 */
const GRAMMAR = new Set(
  ('after before during while then than again also just still very so but if by as into onto over under about since until ' +
    'its their theirs has have had having been being get got gets getting will would should could shall may might must ' +
    'there here want wants wanted customer customers please help keeps keep he she him her his hers they them we us your ' +
    'yours ours who whom whose which where any some all every each both few more most other such only own same too ' +
    'though although because until yet even ever now once why how am were let lets like one ones thing things something ' +
    'anything nothing really actually already always never sometimes today yesterday tomorrow morning time times way ' +
    'need needs say says said tell told know see seen seems makes make made come comes came go goes went gone going try tried ' +
    'mean means meaning meant happen happens happened happening suddenly anymore properly correctly normally usually ' +
    'whether either neither within without between through across around another anyone someone everyone much many').split(' '),
);

/** English words as the entries' words: possessives and contractions cut off (customer's, won't). */
export const latinWords = (t: string) =>
  (t.replace(NEGATION, (_, won: string, can: string, other: string) => (won ? 'will not' : can ? 'can not' : `${other} not`)).replace(/n['’]t\b/g, ' not').replace(/['’](?:s|re|ve|ll|d|m)\b/g, '').match(/[a-z][a-z0-9]*|\d+/g) ?? []).filter(
    (w) => w.length > 1 && !STOP.has(w) && !GRAMMAR.has(w),
  );

/** Reads a query's English words against the entries' words, whose feature counts are `df` (`w` + stem). */
export function englishWords(texts: string[][], df: ReadonlyMap<string, number>) {
  // The entries' English words as written, for spelling: a typo is nearer the word than its stem.
  const vocabulary = [...new Set(texts.flatMap((t) => latinWords(t.join(' ').toLowerCase())))].filter((w) => !/\d/.test(w));

  /**
   * Two typed words that the entries write as one (union pay, wi fi, check out) as that word: apart,
   * the first would weigh as a word no entry has.
   */
  const joined = (words: string[]) =>
    words.reduce<string[]>((out, w) => {
      const last = out.at(-1);
      if (last && !df.has(`w${stem(last)}`) && df.has(`w${stem(last + w)}`)) out[out.length - 1] = last + w;
      else out.push(w);
      return out;
    }, []);

  /** An English word the entries never use, as the entry word it most likely meant. */
  const spellings = new Map<string, string | null>();
  const spelt = (w: string): string | null => {
    if (w.length < 4 || /\d/.test(w)) return null;
    if (spellings.has(w)) return spellings.get(w)!;
    const within = w.length >= 7 ? 2 : 1;
    let found: string | null = null;
    let best = Infinity;
    for (const v of vocabulary) {
      // A misspelt word keeps its first or its second letter (a swap of the two keeps neither).
      if (Math.abs(v.length - w.length) > within || (v[0] !== w[0] && v[1] !== w[1] && v[0] !== w[1])) continue;
      const d = editsWithin(w, v, within);
      if (d < best || (d === best && (df.get(`w${stem(v)}`) ?? 0) > (df.get(`w${stem(found ?? '')}`) ?? 0))) [best, found] = [d, v];
    }
    // Not a typo: maybe another form of an entry's word (scanner, scan; refunded, refund), the
    // most common entry word that starts the query's word, or that the query's word starts.
    if (best > within && w.length >= 5) {
      const forms = vocabulary.filter((v) => v.length >= 4 && Math.abs(v.length - w.length) <= 3 && (w.startsWith(v) || (v.startsWith(w) && w.length >= 5)));
      found = forms.sort((a, b) => (df.get(`w${stem(b)}`) ?? 0) - (df.get(`w${stem(a)}`) ?? 0))[0] ?? null;
      if (found) best = 0;
    }
    found &&= stem(found);
    spellings.set(w, best <= within ? found : null);
    return spellings.get(w)!;
  };
  return { joined, spelt };
}
