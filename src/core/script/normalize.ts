/**
 * A Simplified view of any article, with offsets that map back to the original.
 *
 * opencc-js's phrase dictionaries are loaded on first use only (about 6 ms, measured by
 * `npm run bench`), and not at all for text that has no Traditional-only character.
 */
import type { ConverterFunction } from 'opencc-js';
import { fastSimplifiedConverter, type FastConverter } from './fastConvert';
import { lazyTraditionalConverter } from './lazyConvert';

// Imported lazily through require so that the dictionaries are parsed only when needed.
let toSimplified: ConverterFunction | undefined;
let toTraditional: ConverterFunction | undefined;

/**
 * opencc-js's Simplified → Traditional build only (its cn2t entry: the same code and s2tw
 * preset): with the t2cn build beside it, the whole package need not be bundled at all.
 */
function loadOpenccToTraditional(): typeof import('opencc-js') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('opencc-js/cn2t') as typeof import('opencc-js');
}

/**
 * opencc-js's Traditional → Simplified build only (its t2cn entry: the same code and t2s
 * dictionaries, a tenth of the size): the Simplified view is needed before the first analysis,
 * and loading the whole package cost ~100 ms of that in a fresh process (its Simplified →
 * Traditional phrases are a megabyte), against ~25 ms for this one.
 */
function loadOpenccToSimplified(): typeof import('opencc-js') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('opencc-js/t2cn') as typeof import('opencc-js');
}

export function simplifiedConverter(): ConverterFunction {
  toSimplified ??= withOnePrefilter(fastSimplifiedConverter(loadOpenccToSimplified()));
  return toSimplified;
}

/**
 * withoutDescriptionSequences(fast), where a text is searched once for both the description
 * characters and the units the normalisation starts at: a text with neither (nearly every
 * paragraph) goes straight to the conversion. Two native searches of each paragraph were one
 * per pass (about 0.4M instructions of a fresh 20k analysis, callgrind); now one.
 * Exported for its unit test.
 */
export function withOnePrefilter(fast: FastConverter): ConverterFunction {
  const whole = withoutDescriptionSequences(fast);
  const only = fast.conversionOnly;
  if (only === undefined || fast.normalizationUnits === undefined) return whole;
  // (both classes by UTF-16 unit, as each of the two searches was: no u flag)
  const rare = new RegExp(`[\\u2ff0-\\u2fff${fast.normalizationUnits}]`);
  return (text: string) => (rare.test(text) ? whole(text) : only(text));
}

export function traditionalConverter(): ConverterFunction {
  toTraditional ??= withoutDescriptionSequences(lazyTraditionalConverter(loadOpenccToTraditional()));
  return toTraditional;
}

/** Ideographic description characters (⿰, ⿱ …), U+2FF0–U+2FFF. */
const DESCRIPTION_CHARACTERS = /[\u2ff0-\u2fff]/;
const DESCRIPTION_RUNS = /([\u2ff0-\u2fff]+)/;

/**
 * opencc-js reads ideographic description sequences (⿰氵馬) with a recursive parser that
 * takes exponential time on a run of them: fifty ⿰ in a row cost seconds, a hundred would
 * freeze the editor. Text around them is converted piece by piece and the description
 * characters are kept as they are (the characters they describe are converted like any other).
 */
export function withoutDescriptionSequences(convert: ConverterFunction): ConverterFunction {
  return (text: string) => {
    if (!DESCRIPTION_CHARACTERS.test(text)) return convert(text);
    return text
      .split(DESCRIPTION_RUNS)
      .map((piece, k) => (k % 2 === 1 ? piece : convert(piece)))
      .join('');
  };
}

/** Wrong conversions seen in scraped text that opencc leaves alone, applied after it. */
const FIXUPS: ReadonlyMap<string, string> = new Map([
  ['爲', '为'],
  ['麽', '么'],
  ['裏', '里'],
]);
const FIXUP_CHARS = [...FIXUPS.keys()];
const FIXUP_PATTERN = new RegExp(`[${FIXUP_CHARS.join('')}]`, 'g');

/** Whether `s` holds a character of FIXUPS. */
function hasFixup(s: string): boolean {
  for (const ch of FIXUP_CHARS) if (s.includes(ch)) return true;
  return false;
}

export interface NormalizedText {
  /** Simplified text; same UTF-16 length as the original, so offsets are shared. */
  text: string;
  /** Whether anything changed. */
  changed: boolean;
}

/**
 * Converts to Simplified, character for character. Where opencc's phrase conversion keeps
 * the length (nearly always), its output is used as is, so phrase-level choices survive;
 * otherwise each character is converted on its own. Either way, offsets are shared with
 * the original.
 */
export function toSimplifiedView(text: string): NormalizedText {
  if (!containsHan(text)) return { text, changed: false };
  const convert = simplifiedConverter();
  let out = convert(text);
  if (out.length !== text.length) {
    let rebuilt = '';
    for (const ch of text) {
      const c = convert(ch);
      rebuilt += c.length === ch.length ? c : ch;
    }
    out = rebuilt;
  }
  // (a native search per character, where the pattern's replace read every unit: most paragraphs have none of them)
  const fixed = hasFixup(out) ? out.replace(FIXUP_PATTERN, (ch) => FIXUPS.get(ch)!) : out;
  return { text: fixed, changed: fixed !== text };
}

/** Script of a text, from the share of Traditional-only characters among the convertible ones. */
export function detectScript(text: string): 'simplified' | 'traditional' | 'mixed' | 'none' {
  const sample = text.slice(0, 20_000);
  const simplified = toSimplifiedView(sample).text;
  let trad = 0;
  let cjk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (simplified[i] !== sample[i]) trad++;
    }
  }
  if (cjk === 0) return 'none';
  if (trad === 0) return 'simplified';
  // Traditional text has many convertible characters; a few among thousands are leftovers
  return trad / cjk > 0.05 ? 'traditional' : 'mixed';
}

/** Text with no Han character at all (Latin-only, digits) never loads the dictionaries. */
function containsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
    if (c >= 0xf900 && c <= 0xfaff) return true;
  }
  return false;
}
