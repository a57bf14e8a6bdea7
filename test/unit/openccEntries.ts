import * as opencc from 'opencc-js';

interface Preset {
  normalizationChain?: string[][];
  segmentation?: string[];
  conversionChain: string[][];
}

/** The entries "key value" of every dictionary one of opencc-js's presets (t2s, s2tw) reads, each dictionary once. */
export function presetEntries(name: string): Array<[string, string]> {
  const preset = (opencc.Locale.configs as unknown as Record<string, Preset>)[name]!;
  const dictionaries = new Set([...(preset.normalizationChain ?? []).flat(), ...(preset.segmentation ?? []), ...preset.conversionChain.flat()]);
  const out: Array<[string, string]> = [];
  for (const dict of dictionaries) {
    for (const entry of dict.split('|')) {
      const [key, value] = entry.split(' ');
      out.push([key!, value!]);
    }
  }
  return out;
}
