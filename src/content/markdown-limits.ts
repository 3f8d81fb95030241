import { LivretError } from '../errors.js';
import { frenchNumber, INPUT_LIMITS } from './input-limits.js';

/**
 * A cheap scan of a chapter's lines, before the Markdown parser sees them:
 * the parser's time grows much faster than the input for deep nesting (a list
 * 300 levels deep took 17 s, 1,000 levels over a minute) and for many
 * formatting marks in one block, and a deep tree overflows the stack of every
 * recursive walk after it. So the limits are checked here, in one pass over
 * the lines, before anything is built.
 */
export function assertChapterWithinLimits(source: string, shown: string): void {
  const lines = source.split('\n');
  if (lines.length > INPUT_LIMITS.chapterLines) {
    throw new LivretError(
      `ce chapitre a ${frenchNumber(lines.length)} lignes, plus que la limite de ${frenchNumber(INPUT_LIMITS.chapterLines)} ; coupez-le en plusieurs chapitres`,
      { file: shown, line: INPUT_LIMITS.chapterLines + 1, column: 1 },
    );
  }
  const nesting = new NestingScan();
  let block = { firstLine: 0, characters: 0, marks: 0 };
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') {
      block = { firstLine: 0, characters: 0, marks: 0 };
      return;
    }
    if (block.firstLine === 0) block.firstLine = line;
    block.characters += text.length + 1;
    block.marks += countMarks(text);
    if (block.characters > INPUT_LIMITS.blockCharacters) {
      throw new LivretError(
        `ce bloc (lignes qui se suivent sans ligne vide, depuis la ligne ${block.firstLine}) dépasse ${frenchNumber(INPUT_LIMITS.blockCharacters)} caractères ; séparez les paragraphes par une ligne vide`,
        { file: shown, line, column: 1 },
      );
    }
    if (block.marks > INPUT_LIMITS.blockMarks) {
      throw new LivretError(
        `ce bloc (depuis la ligne ${block.firstLine}) a plus de ${frenchNumber(INPUT_LIMITS.blockMarks)} marques de mise en forme (* _ ~ [) ; séparez les paragraphes par une ligne vide et gardez le gras pour les mots importants`,
        { file: shown, line, column: 1 },
      );
    }
    const depth = nesting.depthOf(text);
    if (depth > INPUT_LIMITS.nestingDepth) {
      throw new LivretError(
        `imbrication trop profonde : plus de ${INPUT_LIMITS.nestingDepth} niveaux de listes, de citations (>) et de blocs ::: les uns dans les autres ; un livret facile à lire garde ses listes à plat`,
        { file: shown, line, column: 1 },
      );
    }
  });
}

/** The deepest nesting the scan sees in `source` (an upper bound of the parsed tree's), for tests and tools. */
export function estimatedNestingDepth(source: string): number {
  const nesting = new NestingScan();
  let deepest = 0;
  for (const text of source.split('\n')) if (text.trim() !== '') deepest = Math.max(deepest, nesting.depthOf(text));
  return deepest;
}

function countMarks(text: string): number {
  let marks = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // * _ ~ [
    if (code === 42 || code === 95 || code === 126 || code === 91) marks += 1;
  }
  return marks;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const DIRECTIVE_OPEN = /^:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^:{3,}\s*$/;

/**
 * An upper bound of the containers open at each line: quotes (`>` on the line
 * itself), list items (a stack of content columns, as CommonMark nests items
 * by indentation) and `:::` directives (opened and closed by fences). It can
 * count one level too many in odd layouts, never fewer.
 */
class NestingScan {
  /** Content column of each open list item, outermost first. */
  private readonly listColumns: number[] = [];
  private openDirectives = 0;

  depthOf(text: string): number {
    let column = 0;
    let index = 0;
    let quotes = 0;
    let quoteColumn = 0;
    let firstMarker = true;
    for (;;) {
      while (text[index] === ' ' || text[index] === '\t') {
        column = text[index] === '\t' ? column + 4 - (column % 4) : column + 1;
        index += 1;
      }
      if (text[index] === '>') {
        quotes += 1;
        index += 1;
        column += 1;
        quoteColumn = column;
        continue;
      }
      const marker = LIST_MARKER.exec(text.slice(index, index + 11));
      if (!marker) break;
      // An item at this column closes the items whose content starts further right…
      let keep = this.listColumns.length;
      if (firstMarker) while (keep > 0 && this.listColumns[keep - 1]! > column) keep -= 1;
      // …unless it is indented 4 or more past its container: then it may be a paragraph's lazy line (the items
      // stay open) or an item of a deeper container (a directive strips its own indentation): close nothing, count it.
      const container = Math.max(keep > 0 ? this.listColumns[keep - 1]! : 0, quoteColumn);
      if (column - container >= 4) keep = this.listColumns.length;
      if (firstMarker) {
        this.listColumns.length = keep;
        firstMarker = false;
      }
      index += marker[0].length;
      column += marker[0].length;
      this.listColumns.push(column + 1);
      if (this.listColumns.length > INPUT_LIMITS.nestingDepth) break;
    }
    const rest = text.slice(index);
    if (DIRECTIVE_OPEN.test(rest)) this.openDirectives += 1;
    const depth = quotes + this.listColumns.length + this.openDirectives;
    // Only a bare fence, indented less than a code block, surely closes one: behind a marker or
    // indented further it may belong to a deeper container, so it is not counted (the bound stays high).
    const bareFence = quotes === 0 && firstMarker && column <= 3;
    if (bareFence && DIRECTIVE_CLOSE.test(rest) && this.openDirectives > 0) this.openDirectives -= 1;
    return depth;
  }
}
