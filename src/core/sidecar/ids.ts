import { createHash } from 'node:crypto';
import type { Kind } from './model';

const PREFIX: Record<Kind, string> = { claim: 'c', figure: 'f', entity: 'e' };

/**
 * A short id that stays the same for the same annotation (kind, place and quote), so that
 * two people accepting the same suggestion produce the same line in git.
 */
export function annotationId(kind: Kind, start: number, quote: string, taken: ReadonlySet<string>): string {
  const hash = createHash('sha256').update(`${kind}\u0000${start}\u0000${quote}`).digest('hex');
  for (let n = 6; n <= 40; n += 2) {
    const id = `${PREFIX[kind]}-${hash.slice(0, n)}`;
    if (!taken.has(id)) return id;
  }
  let i = 2;
  while (taken.has(`${PREFIX[kind]}-${hash.slice(0, 40)}-${i}`)) i++;
  return `${PREFIX[kind]}-${hash.slice(0, 40)}-${i}`;
}
