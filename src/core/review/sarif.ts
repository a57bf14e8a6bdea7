/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning and other CI tools read.
 * Columns count Unicode code points (`columnKind`), as sidecars do; paths are relative to
 * the repository root (`%SRCROOT%`), so that code scanning matches them to files; each result
 * carries the annotation id as a partial fingerprint, so that the same finding is tracked
 * across commits even when the article moves.
 */
import type { Finding } from './findings';
import { RULE_IDS, RULES, type RuleId } from './rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** A relative path as a URI reference: each segment percent-encoded, forward slashes. */
export function pathToUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function physical(path: string, region: Record<string, number>) {
  return { physicalLocation: { artifactLocation: { uri: pathToUri(path), uriBaseId: SRCROOT }, region } };
}

function sidecarRegion(line: number) {
  return { startLine: line };
}

function articleRegion(f: NonNullable<Finding['article']>) {
  return {
    startLine: f.startLine,
    startColumn: f.startColumn,
    endLine: f.endLine,
    endColumn: f.endColumn,
    charOffset: f.start,
    charLength: f.end - f.start,
  };
}

/**
 * The SARIF log of a check. `root` is the repository root as a `file:` URI ending in a
 * slash; `findings` have paths relative to it.
 */
export function toSarif(findings: Finding[], tool: ToolInfo, root: string): object {
  const index = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
  const rules = RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id,
      name: r.name,
      shortDescription: { text: r.short },
      fullDescription: { text: r.full },
      help: { text: r.help },
      defaultConfiguration: { level: r.level },
      properties: { fails: r.fails },
    };
  });
  const results = findings.map((f) => {
    const inArticle = f.primary === 'article' && f.article;
    const primary = inArticle ? physical(f.article!.path, articleRegion(f.article!)) : physical(f.sidecar.path, sidecarRegion(f.sidecar.line));
    const related = inArticle
      ? [{ id: 1, ...physical(f.sidecar.path, sidecarRegion(f.sidecar.line)), message: { text: 'the annotation in the sidecar' } }]
      : f.article
        ? [{ id: 1, ...physical(f.article.path, articleRegion(f.article)), message: { text: 'the annotated text in the article' } }]
        : [];
    return {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: f.level,
      message: { text: f.message },
      locations: [primary],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { 'glossAnnotation/v1': f.fingerprint },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
}
