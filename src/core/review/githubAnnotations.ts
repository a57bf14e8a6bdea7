/**
 * Findings as GitHub Actions workflow commands (`::warning file=…,line=…,col=…::…`), which the
 * runner turns into annotations on the pull request's diff. Text from the files is escaped
 * so that it can neither end the command nor start another one.
 */
import type { Finding } from './findings';
import { RULES } from './rules';

/** Escapes a command's message (GitHub's `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (GitHub's `escapeProperty`): also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function toGithubCommands(findings: Finding[]): string {
  return findings
    .map((f) => {
      const props: Array<[string, string | number]> = [];
      if (f.primary === 'article' && f.article) {
        const a = f.article;
        props.push(['file', a.path], ['line', a.startLine], ['endLine', a.endLine], ['col', a.startColumn]);
        if (a.endLine === a.startLine) props.push(['endColumn', a.endColumn]);
      } else props.push(['file', f.sidecar.path], ['line', f.sidecar.line]);
      props.push(['title', `Gloss ${f.rule}: ${RULES[f.rule].short}`]);
      const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      return `::${COMMAND[f.level]} ${list}::${escapeData(f.message)}\n`;
    })
    .join('');
}
