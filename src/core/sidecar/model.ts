/** The sidecar file format, version 1. See README "Sidecar format" and schemas/sidecar.schema.json. */

export const SIDECAR_VERSION = 1;
export const KINDS = ['claim', 'figure', 'entity'] as const;
export const STATUSES = ['accepted', 'rejected', 'manual'] as const;
export const VERDICTS = ['unreviewed', 'supported', 'disputed', 'false', 'unverifiable'] as const;
export const ENTITY_TYPES = ['person', 'org', 'product', 'place', 'work'] as const;

export type Kind = (typeof KINDS)[number];
export type Status = (typeof STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];

/** The anchor: the quote is the truth, the offsets (code points, end exclusive) are a hint. */
export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Annotation extends Anchor {
  id: string;
  kind: Kind;
  status: Status;
  /** entity */
  type?: string;
  canonical?: string;
  /** figure */
  value?: number | { min: number; max: number } | null;
  unit?: string;
  approx?: boolean;
  /** claim */
  verdict?: Verdict;
  source?: string;
  note?: string;
  evidence?: string[];
  /**
   * Who made the decision (accepted, rejected, the verdict): `git config user.email` or the
   * `gloss.annotator` setting. Optional, and set only when the decision changes, so that
   * re-saving a file never rewrites it.
   */
  by?: string;
  /** Fields under an `x-` prefix, kept as they were. */
  extra?: Record<string, unknown>;
}

export interface Sidecar {
  version: number;
  article: string;
  /** Where the article was published, if known (ClaimReview's `appearance`). */
  url?: string;
  sha256: string;
  /** The article's own date (YYYY-MM-DD), set by the user: relative dates (去年8月) are read against it. */
  date?: string;
  annotations: Annotation[];
}

/** Optional header fields of this module's own, written after `sha256` and `date`, before the list. */
export const OPTIONAL_HEADER_FIELDS = ['url'] as const;

/** The order in which an annotation's fields are written. */
export const FIELD_ORDER = [
  'id', 'kind', 'status', 'by', 'quote', 'prefix', 'suffix', 'start', 'end',
  'type', 'canonical', 'value', 'unit', 'approx', 'verdict', 'source', 'note', 'evidence',
] as const;

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `<article>.annotations.yaml` beside `<article>.txt`, or inside `folder` when one is set. */
export function sidecarPathFor(articlePath: string, folder?: string): string {
  const slash = Math.max(articlePath.lastIndexOf('/'), articlePath.lastIndexOf('\\'));
  const dir = articlePath.slice(0, slash + 1);
  const file = articlePath.slice(slash + 1);
  const stem = file.endsWith('.txt') ? file.slice(0, -4) : file;
  const base = folder ? `${dir}${folder.replace(/[\\/]+$/, '')}/` : dir;
  return `${base}${stem}.annotations.yaml`;
}
