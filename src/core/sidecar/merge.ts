import type { Annotation, Sidecar } from './model';

export interface Collision {
  id: string;
  message: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge by annotation id: `base` is what Gloss read, `ours` what it wants to
 * write, `theirs` what is on disk now (after a git pull or another window's save). Changes
 * on one side win; the same annotation changed differently on both sides is a collision,
 * reported and resolved in favour of the disk, so nothing on disk is overwritten blindly.
 */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar): { merged: Sidecar; collisions: Collision[] } {
  const index = (s: Sidecar) => new Map(s.annotations.map((a) => [a.id, a]));
  const b = index(base);
  const o = index(ours);
  const t = index(theirs);
  const collisions: Collision[] = [];
  const out: Annotation[] = [];
  const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  for (const id of ids) {
    const [bb, oo, tt] = [b.get(id), o.get(id), t.get(id)];
    const oursChanged = !same(bb, oo);
    const theirsChanged = !same(bb, tt);
    if (!oursChanged) {
      if (tt) out.push(tt);
      continue;
    }
    if (!theirsChanged || same(oo, tt)) {
      if (oo) out.push(oo);
      continue;
    }
    // both sides changed the same annotation
    if (tt) out.push(tt);
    const what = !oo ? 'deleted here but edited on disk' : !tt ? 'edited here but deleted on disk' : 'edited both here and on disk';
    collisions.push({ id, message: `annotation ${id} was ${what}; the version on disk was kept` });
  }
  const header = same(base.sha256, ours.sha256) ? theirs.sha256 : ours.sha256;
  return { merged: { ...theirs, sha256: header, annotations: out }, collisions };
}
