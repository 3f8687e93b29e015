import type { CodeClass, Move } from '../schemas/codes.ts';
import type { Catalogue, SymptomEntry } from './catalogue-types.ts';

/**
 * The cashier's next move for a response code: the one place the codes page and the quick card
 * both read, so they can never disagree. `faq/codes.yaml` sets it where its entry's steps say
 * otherwise (after 55 the customer keys the PIN again, although UnionPay's class C tells the
 * terminal not to resend); otherwise it follows from the entry's first actor and the UnionPay
 * class. The class is a hint to terminal software about automatic resending, not advice to the
 * cashier, which is why the move, not the letter, is what the pages put first.
 */
export function nextMove(code: string, entry: Pick<SymptomEntry, 'actors'>, catalogue: Pick<Catalogue, 'codeClasses' | 'codeMoves'>): Move {
  const set = catalogue.codeMoves[code];
  if (set) return set;
  return derivedMove(entry, catalogue.codeClasses[code]);
}

/** The move that follows from who acts first and the UnionPay class, before any line of codes.yaml. */
export function derivedMove(entry: Pick<SymptomEntry, 'actors'>, unionPay: CodeClass | undefined): Move {
  const first = entry.actors[0];
  if (first === 'wait' || unionPay === 'E') return 'wait';
  if (unionPay === 'D' || first !== 'cardholder') return 'merchant';
  return unionPay === 'B' ? 'retry' : 'no-retry';
}
