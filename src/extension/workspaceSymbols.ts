import * as vscode from 'vscode';
import type { LexiconService } from './lexicon';
import type { CorpusIndex, Mention } from './corpusIndex';
import { matchForm } from '../core/entities/lexicon';
import { traditionalConverter } from '../core/script/normalize';
import { stripBom } from '../core/text/offsets';
import { readBytes } from './workspaceFiles';

const KIND_OF_TYPE: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  org: vscode.SymbolKind.Class,
  product: vscode.SymbolKind.Interface,
  place: vscode.SymbolKind.Package,
  work: vscode.SymbolKind.File,
};

export interface EntityMatch {
  id: string;
  canonical: string;
  type: string;
  /** The name as the symbol shows it: the canonical, and the form the query matched when that differs. */
  label: string;
  mentions: Mention[];
}

/**
 * Entities of the workspace whose canonical name, aliases or mentions as written contain the
 * query, compared in one form (Simplified, Latin in lower case), so that 阿里雲, 阿裏雲 and
 * 阿里云 find the same entity. VS Code filters the list again by fuzzy match on the label, so
 * the label carries the form the user typed when the canonical name does not contain it.
 */
export function matchEntities(index: CorpusIndex, lexicon: LexiconService, query: string): EntityMatch[] {
  const wanted = matchForm(query.trim());
  const out: EntityMatch[] = [];
  for (const [id, mentions] of index.snapshot().entities) {
    const type = id.slice(0, id.indexOf(':'));
    const canonical = id.slice(id.indexOf(':') + 1);
    if (!wanted) break;
    const entry = lexicon.lexicon.entry(id);
    const forms = [canonical, traditionalConverter()(canonical), ...(entry?.aliases ?? []), ...new Set(mentions.map((m) => m.text))];
    if (!forms.some((f) => matchForm(f).includes(wanted))) continue;
    const typed = query.trim();
    const shown = canonical.includes(typed) ? undefined : (forms.find((f) => f.includes(typed)) ?? typed);
    out.push({ id, canonical, type, label: shown ? `${canonical} (${shown})` : canonical, mentions });
  }
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.canonical.localeCompare(b.canonical));
  return out;
}

/** Line starts of a text as VS Code counts lines (\r\n, \n and a lone \r each end one). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts: number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - starts[lo]!);
}

/** An article's text as the workspace index read it: from disk, without a BOM. */
async function articleText(uri: vscode.Uri): Promise<string> {
  return stripBom(new TextDecoder('utf-8').decode(await readBytes(uri)));
}

/**
 * Ctrl+T over entities: one symbol per entity and article, at its first mention there, with
 * the article as the container. Waits for the workspace index on first use; an empty query
 * gives nothing (type a name in either script).
 */
export function registerWorkspaceSymbols(lexicon: LexiconService): vscode.Disposable[] {
  const index = lexicon.corpus;
  return [
    vscode.languages.registerWorkspaceSymbolProvider({
      async provideWorkspaceSymbols(query, token) {
        if (!query.trim()) return [];
        await index.mentions('');
        if (token.isCancellationRequested) return [];
        const symbols: vscode.SymbolInformation[] = [];
        const lines = new Map<string, Promise<number[] | undefined>>();
        const linesOf = (uri: vscode.Uri) => {
          const key = uri.toString();
          if (!lines.has(key)) lines.set(key, articleText(uri).then(lineStarts, () => undefined));
          return lines.get(key)!;
        };
        for (const m of matchEntities(index, lexicon, query)) {
          const firstPerArticle = new Map<string, Mention>();
          for (const mention of m.mentions) {
            const seen = firstPerArticle.get(mention.uri.toString());
            if (!seen || mention.start < seen.start) firstPerArticle.set(mention.uri.toString(), mention);
          }
          for (const mention of firstPerArticle.values()) {
            const starts = await linesOf(mention.uri);
            if (token.isCancellationRequested) return [];
            if (!starts) continue;
            const where = new vscode.Range(positionAt(starts, mention.start), positionAt(starts, mention.end));
            symbols.push(new vscode.SymbolInformation(m.label, KIND_OF_TYPE[m.type] ?? vscode.SymbolKind.Constant, vscode.workspace.asRelativePath(mention.uri), new vscode.Location(mention.uri, where)));
          }
        }
        return symbols;
      },
    }),
  ];
}
