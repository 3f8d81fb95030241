import type { Booklet, Pictogram, Sentence, SourcePosition } from '../model/booklet.js';
import { conceptForText, conceptOfIcon, type Lexicon } from './lexicon.js';
import { t, type MessageKey } from '../i18n/index.js';

/**
 * Pictogram rules for `livret check` (easy-read: "a picture on the left of
 * each idea; the same picture for the same thing throughout"):
 * - `block-without-picture` (warn): a text block, list or step with no
 *   pictogram (no `::picto` and no lexicon word in its text, no screenshot);
 * - `one-concept-one-picture` (warn): one concept drawn with two different
 *   pictures in the booklet, for example a `::picto{name=set:icon}` on a block
 *   about a concept that the lexicon draws with another icon elsewhere.
 */
export interface PictogramFinding {
  file: string;
  line: number;
  column: number;
  rule: 'block-without-picture' | 'one-concept-one-picture';
  severity: 'warn';
  message: string;
}

interface PlacedPictogram {
  pictogram: Pictogram;
  /** The text the pictogram stands beside. */
  text: string;
  source: SourcePosition;
}

const joined = (sentences: readonly Sentence[]) => sentences.map((sentence) => sentence.text).join(' ');

/** Every text block that should have a picture, with the one it has (or undefined). */
export function pictureSlots(booklet: Booklet): Array<{ pictogram: Pictogram | undefined; text: string; source: SourcePosition; what: string }> {
  const slots: Array<{ pictogram: Pictogram | undefined; text: string; source: SourcePosition; what: string }> = [];
  for (const chapter of booklet.chapters) {
    // The glossary ("@glossary") is made by livret from the :term definitions: no writer can give its blocks a picture.
    if (isGeneratedGlossary(chapter)) continue;
    slots.push({ pictogram: chapter.pictogram, text: chapter.title.text, source: chapter.title.source, what: 'chapter title' });
    for (const block of chapter.blocks) {
      if (block.kind === 'paragraph' && block.role === 'text') slots.push({ pictogram: block.pictogram, text: joined(block.sentences), source: block.source, what: 'block' });
      if (block.kind === 'list') slots.push({ pictogram: block.pictogram, text: joined(block.items), source: block.source, what: 'list' });
      if (block.kind === 'warning') slots.push({ pictogram: block.pictogram, text: joined(block.sentences), source: block.source, what: 'warning' });
      if (block.kind === 'steps') {
        for (const step of block.steps) {
          // A step's screenshot is its picture.
          if (step.pictogram || step.screenshots.length === 0) slots.push({ pictogram: step.pictogram, text: joined(step.sentences), source: step.source, what: `step ${step.number}` });
        }
      }
      if (block.kind === 'agencies') for (const agency of block.agencies) slots.push({ pictogram: agency.pictogram, text: agency.name.text, source: agency.name.source, what: 'agency' });
      if (block.kind === 'contact') for (const line of block.lines) slots.push({ pictogram: line.pictogram, text: joined(line.sentences), source: block.source, what: 'contact line' });
    }
  }
  return slots;
}

/** The glossary chapter stands for booklet.yaml's "@glossary" entry: its file is booklet.yaml, never a chapter. */
function isGeneratedGlossary(chapter: Booklet['chapters'][number]): boolean {
  return chapter.file.endsWith('booklet.yaml');
}

/** The concept a placed pictogram depicts: its lexicon concept, or for a `set:icon`, the concept of that icon or of the text beside it. */
export function depictedConcept(lexicon: Lexicon, placed: PlacedPictogram): string | undefined {
  const { pictogram } = placed;
  if (lexicon.entries.has(pictogram.concept)) return pictogram.concept;
  return conceptOfIcon(lexicon, pictogram.icon) ?? conceptForText(lexicon, placed.text);
}

function at(source: SourcePosition): Pick<PictogramFinding, 'file' | 'line' | 'column'> {
  return { file: source.file, line: source.line, column: source.column };
}

/** `what` is "block", "list", "warning", "step N", "agency" or "contact line". */
function withoutPictureMessage(what: string, lexicon: string): string {
  const step = /^step (\d+)$/.exec(what);
  if (step) return t('finding.blockWithoutPicture.step', { number: step[1]!, lexicon });
  const kind = what === 'contact line' ? 'contact' : what;
  return t(`finding.blockWithoutPicture.${kind}` as MessageKey, { lexicon });
}

export function pictogramFindings(booklet: Booklet, lexicon: Lexicon): PictogramFinding[] {
  const findings: PictogramFinding[] = [];
  const placed: PlacedPictogram[] = [];
  for (const slot of pictureSlots(booklet)) {
    if (slot.pictogram) placed.push({ pictogram: slot.pictogram, text: slot.text, source: slot.source });
    else if (slot.what !== 'chapter title') {
      findings.push({
        ...at(slot.source),
        rule: 'block-without-picture',
        severity: 'warn',
        message: withoutPictureMessage(slot.what, lexicon.file),
      });
    }
  }

  const byConcept = new Map<string, PlacedPictogram[]>();
  for (const item of placed) {
    const concept = depictedConcept(lexicon, item);
    if (concept) byConcept.set(concept, [...(byConcept.get(concept) ?? []), item]);
  }
  for (const [concept, items] of byConcept) {
    const icons = new Set(items.map((item) => item.pictogram.icon));
    if (icons.size < 2) continue;
    const expected = lexicon.entries.get(concept)?.icon ?? items[0]!.pictogram.icon;
    const reference = items.find((item) => item.pictogram.icon === expected);
    for (const item of items.filter((other) => other.pictogram.icon !== expected)) {
      const elsewhere = reference ? t('finding.oneConceptOnePicture.elsewhere', { place: `${reference.source.file}:${reference.source.line}` }) : '';
      findings.push({
        ...at(item.source),
        rule: 'one-concept-one-picture',
        severity: 'warn',
        message: t('finding.oneConceptOnePicture', { concept, icon: item.pictogram.icon, expected, elsewhere }),
      });
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
