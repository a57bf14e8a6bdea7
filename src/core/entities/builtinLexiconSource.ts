/**
 * The text of the built-in lexicon. esbuild.mjs parses data/builtin.lexicon.yaml at build time
 * and inlines it as JSON (`define`, see scripts/lexicon-define.mjs), so the bundles carry no
 * YAML to parse; code that runs unbundled (the compiled unit tests, a bundle built without the
 * definition) reads the YAML from the source tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

declare const GLOSS_BUILTIN_LEXICON: string | undefined;

const FILE = 'builtin.lexicon.yaml';

/**
 * Where the YAML is: beside the source, or in the source tree above the running code
 * (out/src/core/entities, a bundle in .bench/ or scripts/), or in the working directory's.
 */
export function builtinLexiconPath(): string {
  const candidates = [join(__dirname, 'data', FILE)];
  for (let up = '..'; up.length < 20; up += '/..') candidates.push(join(__dirname, up, 'src/core/entities/data', FILE));
  candidates.push(join(process.cwd(), 'src/core/entities/data', FILE));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Gloss: the built-in lexicon is neither bundled nor at ${candidates[0]}`);
  return found;
}

/** The built-in lexicon's data, as parsed from the YAML. */
export function builtinLexiconData(): unknown {
  if (typeof GLOSS_BUILTIN_LEXICON === 'string') return JSON.parse(GLOSS_BUILTIN_LEXICON);
  return parse(readFileSync(builtinLexiconPath(), 'utf8'));
}
