/** What a lexicon knows about one entity, whichever file it comes from. */

export const ENTITY_TYPES = ['person', 'org', 'product', 'place', 'work'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface LexiconEntry {
  /** `type:canonical`, the same in every article and script. */
  id: string;
  /** Simplified. */
  canonical: string;
  type: EntityType;
  /** Other names, each counted wherever it appears. */
  aliases: string[];
  /** Short names (阿里, 晚点): they count only where the article also names the entity in full… */
  shortForms: string[];
  /** …unless they are unambiguous in news, and then they count on their own (阿里). */
  shortFormsStandAlone: boolean;
  /** Whether 集团, 控股 or 公司 after a name of this organisation names it too (阿里集团). */
  groupNames: boolean;
  /** Words after which a name of the entity is part of a phrase, not the entity: 中国移动 before 互联网. */
  notBefore: string[];
  note?: string;
  link?: string;
  origin: 'builtin' | 'workspace';
}

export function entityId(type: string, canonical: string): string {
  return `${type}:${canonical}`;
}
