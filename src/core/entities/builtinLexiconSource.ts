/**
 * The built-in lexicon: its stored form (data/builtin.lexicon.packed.json, lexiconPack.ts), which
 * the bundles carry and restore, and its YAML (data/builtin.lexicon.yaml), the source of truth,
 * which the stored form is made from (scripts/pack-lexicon.mjs; the build refuses a stale one)
 * and checked against (the unit tests), read from the source tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PackedLexicon } from './lexiconPack';
// (a type only: it keeps the file among the compiled ones, out/ included, without reading it at load)
import type PackedText from './data/builtin.lexicon.packed.json';

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

/**
 * The built-in lexicon's data, as parsed from the YAML. Not bundled: the bundles restore the
 * stored form, and a second copy of the lexicon cost its size in every load of the bundle.
 */
export function builtinLexiconData(): unknown {
  return parse(readFileSync(builtinLexiconPath(), 'utf8'));
}

/** The built-in lexicon as stored (lexiconPack.ts), if there is a stored form. */
export function builtinLexiconPacked(): PackedLexicon | undefined {
  // required here, not imported: esbuild then bundles the file's string inside a function that
  // runs on first use, which a load of the bundle only skims; a string at the bundle's top level
  // was built and hashed on every load (~20M instructions, ~5 ms, for its 220 KB)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const text = require('./data/builtin.lexicon.packed.json') as typeof PackedText | unknown;
  return typeof text === 'string' && text ? (JSON.parse(text) as PackedLexicon) : undefined;
}
