import type { QueueOptions } from '../core/review/queue';

/**
 * Which gloss.* settings the corpus index's cached results depend on. A change of any other
 * one drops the whole cache, and the next build analyses every article of the workspace again
 * (tens of seconds of both cores on ten thousand articles): so the settings that only change how
 * Gloss shows things, or how it builds the index, are left out. A setting added later counts
 * until it is listed here.
 */
const NOT_IN_RESULTS: readonly string[][] = [
  ['codeLens', 'enabled'],
  ['codeLens', 'allParagraphs'],
  ['index', 'threads'],
  ['walkthrough', 'openOnStartup'],
  ['problems'],
];

/** The gloss.* settings (as the configuration object gives them) less those no cached result depends on: what the cache's fingerprint holds. */
export function settingsInResults(settings: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(settings ?? {})) as Record<string, unknown>;
  for (const path of NOT_IN_RESULTS) {
    let at: Record<string, unknown> | undefined = copy;
    for (let k = 0; k < path.length - 1 && at; k++) {
      const next: unknown = at[path[k]!];
      at = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    if (at) delete at[path[path.length - 1]!];
  }
  return copy;
}

/**
 * What of an article's review settings its cached result depends on: which items its queue
 * holds (the entry counts them: workspaceEntry.ts), not their order, nor how the lenses and the
 * Problems panel show them.
 */
export function queueSettingsKey(settings: Required<QueueOptions>): string {
  const { minCheckWorthiness, figures, entities } = settings;
  return JSON.stringify([minCheckWorthiness, figures, entities]);
}
