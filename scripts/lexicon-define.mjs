// The built-in lexicon (src/core/entities/data/builtin.lexicon.yaml), parsed at build time and
// handed to esbuild as a definition, so that the bundles parse JSON on first use, not YAML.
// The core no longer reads the definition (it restores the stored form, scripts/pack-lexicon.mjs);
// bench/run.mjs and scripts/train-ner.mjs and eval-ner.mjs still pass it, to no effect.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function lexiconDefine() {
  const data = parse(readFileSync(join(root, 'src/core/entities/data/builtin.lexicon.yaml'), 'utf8'));
  return { GLOSS_BUILTIN_LEXICON: JSON.stringify(JSON.stringify(data)) };
}
