/**
 * What each Gloss command accepts as arguments, checked before the handler runs: hover
 * links and other extensions can call commands with anything (`enabledCommands` allows a
 * command id, never its arguments). A command called with invalid arguments says what is
 * wrong and changes nothing. Pure (no vscode): a URI is judged by the `uriAllowed` it is given.
 */
import { ENTITY_TYPES, KINDS, VERDICTS } from '../core/sidecar/model';
import { isDay } from '../core/sidecar/validate';

export type ArgCheck = (args: readonly unknown[], env: ArgEnv) => string | undefined;

export interface ArgEnv {
  /** Whether a URI (string or vscode.Uri) names a document Gloss may act on. */
  uriAllowed(uri: unknown): boolean;
  /** Whether a file path may be written by an export. */
  exportPathAllowed(path: string): boolean;
}

const MAX_TEXT = 10_000;
const MAX_OFFSET = 1 << 30;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A vscode.Uri (or its JSON form): judged as a URI, not as an object of fields. */
export const isUriLike = (v: unknown): boolean => isObject(v) && typeof v.scheme === 'string' && typeof v.path === 'string';
const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_OFFSET;

function text(v: unknown, what: string, max = MAX_TEXT, multiline = true): string | undefined {
  if (typeof v !== 'string') return `${what} must be text`;
  if (v.length > max) return `${what} is longer than ${max} characters`;
  if (LONE_SURROGATE.test(v)) return `${what} holds a lone surrogate, which is not a character`;
  if (CONTROL.test(v) || (!multiline && /[\r\n]/.test(v))) return `${what} holds control characters`;
  return undefined;
}

type FieldCheck = (v: unknown, env: ArgEnv) => string | undefined;

const FIELDS: Record<string, FieldCheck> = {
  uri: (v, env) => (env.uriAllowed(v) ? undefined : 'uri must name an open article'),
  offset: (v) => (isIndex(v) ? undefined : 'offset must be a whole number of characters'),
  start: (v) => (isIndex(v) ? undefined : 'start must be a whole number of characters'),
  end: (v) => (isIndex(v) ? undefined : 'end must be a whole number of characters'),
  kind: (v) => (KINDS.includes(v as never) ? undefined : `kind must be one of ${KINDS.join(', ')}`),
  verdict: (v) => (VERDICTS.includes(v as never) ? undefined : `verdict must be one of ${VERDICTS.join(', ')}`),
  type: (v) => (ENTITY_TYPES.includes(v as never) ? undefined : `type must be one of ${ENTITY_TYPES.join(', ')}`),
  note: (v) => text(v, 'note'),
  canonical: (v) => text(v, 'canonical', 200, false) ?? ((v as string).trim() ? undefined : 'canonical must not be empty'),
  evidence: (v) =>
    text(v, 'evidence', 2048, false) ??
    (/^https?:\/\/[^\s]+$/i.test(v as string) || /^[^\s#/\\]+#[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v as string)
      ? undefined
      : 'evidence must be an http(s) URL or an article#id reference'),
  id: (v) => text(v, 'id', 200, false) ?? (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v as string) ? undefined : 'id must be an annotation id (as the sidecar schema writes it)'),
  names: (v) => {
    if (!Array.isArray(v) || v.length === 0 || v.length > 200) return 'names must be a list of 1 to 200 names';
    for (const n of v) {
      const problem = text(n, 'a name', 200, false) ?? ((n as string).trim() ? undefined : 'a name must not be empty');
      if (problem) return problem;
    }
    return undefined;
  },
  format: (v) => (['jsonl', 'csv', 'brat', 'w3c'].includes(v as string) ? undefined : 'format must be one of jsonl, csv, brat, w3c'),
  out: (v, env) => (typeof v === 'string' && env.exportPathAllowed(v) ? undefined : 'out must be a file in the workspace or beside the article'),
  date: (v) => (v === '' || isDay(v) ? undefined : "date must be the article's date as YYYY-MM-DD (a real day), or empty to remove it"),
};

/** One optional object argument with these fields (a bare URI is also taken where `uri` is). */
function target(...fields: string[]): ArgCheck {
  return (args, env) => {
    if (args.length > 1) return `expected at most one argument, got ${args.length}`;
    const a = args[0];
    if (a === undefined) return undefined;
    if (fields.includes('uri') && (!isObject(a) || isUriLike(a))) return env.uriAllowed(a) ? undefined : 'the argument must name an open article';
    if (!isObject(a)) return 'the argument must be an object';
    for (const [k, v] of Object.entries(a)) {
      if (!fields.includes(k)) return `unknown field '${k}'`;
      if (v === undefined) continue;
      const problem = FIELDS[k]!(v, env);
      if (problem) return problem;
    }
    if (isIndex(a.start) && isIndex(a.end) && (a.end as number) <= (a.start as number)) return 'end must come after start';
    return undefined;
  };
}

const none: ArgCheck = (args) => (args.length ? 'takes no arguments' : undefined);
const uriOnly = target('uri');
const REVIEW = ['uri', 'offset', 'kind'];

/** The arguments every Gloss command accepts. */
export const COMMAND_ARGS = {
  'gloss.accept': target(...REVIEW),
  'gloss.reject': target(...REVIEW),
  'gloss.acceptParagraph': target(...REVIEW),
  'gloss.setVerdict': target(...REVIEW, 'verdict'),
  'gloss.addNote': target(...REVIEW, 'note'),
  'gloss.addEvidence': target(...REVIEW, 'evidence'),
  'gloss.annotateSelection': target('uri', 'start', 'end', 'kind', 'type'),
  'gloss.teachEntity': target(...REVIEW, 'type', 'canonical'),
  'gloss.nextUnreviewed': target(...REVIEW),
  'gloss.previousUnreviewed': target(...REVIEW),
  'gloss.openSidecar': target(...REVIEW),
  'gloss.showOrphans': target(...REVIEW),
  'gloss.export': target('uri', 'format', 'out'),
  'gloss.toggleLenses': none,
  'gloss.showSummary': uriOnly,
  'gloss.revealParagraph': (args) => (args.length === 1 && isIndex(args[0]) ? undefined : 'expects one line number'),
  'gloss.showMentions': (args) =>
    args.length > 1 ? 'expects one entity id' : args[0] === undefined ? undefined : text(args[0], 'the entity id', 300, false) ?? (/^[a-z]+:./.test(args[0] as string) ? undefined : 'the entity id must look like type:name'),
  'gloss.copyAsSimplified': uriOnly,
  'gloss.copyAsTraditional': uriOnly,
  'gloss.openAsArticle': uriOnly,
  'gloss.annotations': uriOnly,
  // the corpus view's own commands (corpusView.ts), checked the same way
  'gloss.openLocation': (args, env) =>
    args.length === 2 && env.uriAllowed(args[0]) && isIndex(args[1]) ? undefined : 'expects the URI of an article in the workspace and an offset',
  'gloss.corpusTree': none,
  'gloss.showQueue': target(...REVIEW),
  'gloss.rejectEverywhere': target(...REVIEW),
  'gloss.undoRejectEverywhere': target('uri', 'names'),
  'gloss.reattachOrphan': target('uri', 'id', 'start', 'end'),
  'gloss.setArticleDate': target('uri', 'date'),
} satisfies Record<string, ArgCheck>;

/** Commands registered by a view rather than in commands.ts's map: they go through the same checks. */
export const VIEW_COMMANDS = ['gloss.openLocation', 'gloss.corpusTree'] as const;
export type ViewCommandId = (typeof VIEW_COMMANDS)[number];
