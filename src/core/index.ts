/** The core's public surface: used by the CLI, the benchmark and other hosts. */
export { Analyzer, type Analysis, type ParagraphFindings } from './analysis/analyze';
export { detectFigures } from './figures/detect';
export { describeFigure } from './figures/format';
export type { Figure, FigureType, Range, Approximation } from './figures/types';
export { figureToSpan, type BenchSpan } from './io/spans';
export { toSimplifiedView, simplifiedConverter, traditionalConverter, detectScript } from './script/normalize';
export { OffsetIndex, codePointLength, sliceCodePoints, stripBom } from './text/offsets';
export { splitParagraphs, splitSentences, type Paragraph, type ParagraphKind } from './text/paragraphs';
export { detectEntities, resolveArticleLevel, type EntityMention } from './entities/detect';
export { builtinLexicon, Lexicon, entityId, type LexiconEntry, type EntityType } from './entities/lexicon';
export { parseWorkspaceLexicon, addToWorkspaceLexicon, LexiconError } from './entities/workspaceLexicon';
export { entityToSpan, claimToSpan } from './io/spans';
export { featuresAt, NER_LABELS, NER_TYPES } from './entities/nerFeatures';
export { WordDictionary } from './entities/wordLattice';
export { setNerModelPath, nerAvailable, tagEntities } from './entities/ner';
export { detectClaims, type Claim, type ClaimType } from './claims/detect';
export { checkArithmetic, type ArithmeticCheck } from './claims/arithmetic';
export { buildReview, itemsAt, itemsByParagraph, itemAt } from './review/items';
