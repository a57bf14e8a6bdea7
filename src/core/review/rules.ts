/**
 * The kinds of problem `gloss check` reports: one SARIF rule each, with the level it is shown
 * at and whether it fails the check (exit status 1). Problems that `gloss check` has always
 * failed on still fail; the review warnings added with SARIF (open failed checks, false
 * without evidence) are shown but never change the exit status.
 */
export type Level = 'error' | 'warning' | 'note';

export interface Rule {
  id: RuleId;
  /** PascalCase, as SARIF's `reportingDescriptor.name` wants. */
  name: string;
  short: string;
  full: string;
  /** How to fix it: SARIF's `help`. */
  help: string;
  level: Level;
  /** Whether a finding of this kind makes `gloss check` exit 1. */
  fails: boolean;
}

export const RULE_IDS = [
  'unreadable', 'schema', 'missing-article', 'stale-hash', 'unsorted', 'orphan', 'moved', 'failed-check', 'false-without-evidence',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULES: Readonly<Record<RuleId, Rule>> = {
  unreadable: {
    id: 'unreadable',
    name: 'UnreadableSidecar',
    short: 'The sidecar cannot be read.',
    full: 'The sidecar is not valid YAML, has git conflict markers, is newer than this Gloss or exceeds the size limits. Gloss never writes over such a file.',
    help: 'Fix the file at the line shown (resolve the merge, correct the YAML), or update Gloss for a newer version.',
    level: 'error',
    fails: true,
  },
  schema: {
    id: 'schema',
    name: 'SidecarSchema',
    short: 'The sidecar does not follow the sidecar format.',
    full: 'A field is missing, unknown, of the wrong type, or an id is duplicated (schemas/sidecar.schema.json).',
    help: 'Correct the field at the line shown; extra fields need an x- prefix.',
    level: 'error',
    fails: true,
  },
  'missing-article': {
    id: 'missing-article',
    name: 'MissingArticle',
    short: 'The article named by the sidecar is missing.',
    full: "The sidecar's `article:` names a file that does not exist beside it.",
    help: 'Restore the article, or rename the sidecar with the article.',
    level: 'error',
    fails: true,
  },
  'stale-hash': {
    id: 'stale-hash',
    name: 'StaleArticleHash',
    short: 'The article changed since the anchors were checked.',
    full: "The sidecar's sha256 is not the hash of the article: the article was edited after the annotations were last placed.",
    help: 'Run `gloss format` to re-anchor the annotations and record the new hash.',
    level: 'warning',
    fails: true,
  },
  unsorted: {
    id: 'unsorted',
    name: 'UnsortedAnnotations',
    short: 'The annotations are not sorted by start, then id.',
    full: 'Sorted annotations keep diffs small; a file edited by hand may lose the order.',
    help: 'Run `gloss format`.',
    level: 'error',
    fails: true,
  },
  orphan: {
    id: 'orphan',
    name: 'OrphanedAnnotation',
    short: 'An annotation can no longer be placed in its article.',
    full: 'Neither the stored offsets, nor the quote with its context, nor a close match of the quote are found in the article. The annotation stays in the file.',
    help: 'Select the text where the annotation belongs and annotate it again, or delete the annotation from the sidecar.',
    level: 'error',
    fails: true,
  },
  moved: {
    id: 'moved',
    name: 'MovedAnnotation',
    short: 'An annotation was found at a new place in its article.',
    full: 'The article changed and the annotation was re-anchored by its quote and context; the offsets in the sidecar are out of date.',
    help: 'Run `gloss format` to write the new offsets.',
    level: 'warning',
    fails: true,
  },
  'failed-check': {
    id: 'failed-check',
    name: 'FailedArithmeticCheck',
    short: 'A stated figure does not follow from the figures it is computed from.',
    full: 'The arithmetic check of a claim does not hold, and the claim has no verdict yet.',
    help: 'Review the claim: set a verdict (and evidence) with Gloss, or reject it if it is not a claim.',
    level: 'warning',
    fails: false,
  },
  'false-without-evidence': {
    id: 'false-without-evidence',
    name: 'FalseWithoutEvidence',
    short: 'A claim is marked false without evidence.',
    full: 'A verdict of false should say why: a URL or an article#id reference under `evidence:`.',
    help: 'Add evidence with "Gloss: Add Evidence", or change the verdict.',
    level: 'warning',
    fails: false,
  },
};
