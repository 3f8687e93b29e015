import { expect } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { ContentError } from '../../src/lib/content-error.ts';

/** Loads a content folder that must be rejected, and returns the message the editor would read. */
export function rejectionOf(dir: string): string {
  try {
    loadCatalogue(dir, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the content to be rejected');
}
