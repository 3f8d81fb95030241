import type { BookletRule } from './booklet/booklet-rule.js';
import { departmentTodo } from './booklet/department-todo.js';
import { blockWithoutPicture } from './booklet/pictogram-rules.js';
import { onePictureOneConcept, repeatedPicture } from './booklet/picture-concepts.js';
import { singleStep } from './booklet/single-step.js';
import { unlistedChapter } from './booklet/unlisted-chapter.js';
import type { PdfRule } from './pdf/pdf-rule.js';
import { bodySize } from './pdf/body-size.js';
import { contentLoss } from './pdf/content-loss.js';
import { labelSplit, numberSplit } from './pdf/idea-split.js';
import { pageFill } from './pdf/page-fill.js';
import { pictureTextSize } from './pdf/picture-text-size.js';
import { insideMargins } from './pdf/inside-margins.js';
import { minFontSize } from './pdf/min-font-size.js';
import { noHyphenation } from './pdf/no-hyphenation.js';
import { pageCount } from './pdf/page-count.js';
import { pageMultipleOf4 } from './pdf/page-multiple-of-4.js';
import { splitSentence } from './pdf/split-sentence.js';
import { taggedPdf } from './pdf/tagged-pdf.js';
import { abbreviations } from './source/abbreviations.js';
import { boldOnly } from './source/bold-only.js';
import { chapterTodo } from './source/chapter-todo.js';
import { commasPerSentence } from './source/commas-per-sentence.js';
import { dates } from './source/dates.js';
import { difficultWords } from './source/difficult-words.js';
import { forbiddenCharacters } from './source/forbidden-characters.js';
import { imageAlt } from './source/image-alt.js';
import { negations } from './source/negations.js';
import { numbersInDigits } from './source/numbers-in-digits.js';
import { oneSentencePerLine } from './source/one-sentence-per-line.js';
import { oneTermPerConcept } from './source/one-term-per-concept.js';
import { passiveVoice } from './source/passive-voice.js';
import { percentages } from './source/percentages.js';
import { phoneNumbers } from './source/phone-numbers.js';
import { readability } from './source/readability.js';
import { romanNumerals } from './source/roman-numerals.js';
import type { SourceRule } from './source/rule-kit.js';
import { sentenceLength } from './source/sentence-length.js';
import { spelling } from './source/spelling.js';
import { sentencesPerBlock } from './source/sentences-per-block.js';
import { timeFormat } from './source/time-format.js';

/**
 * The easy-read rules livret checks, with their default severities and
 * thresholds (from EASY-READ.md). `livret.config.yaml` and a booklet's
 * `check:` section change them; docs/rules.md documents each one.
 */
export const SOURCE_RULES: readonly SourceRule[] = [
  oneSentencePerLine,
  sentenceLength,
  sentencesPerBlock,
  commasPerSentence,
  numbersInDigits,
  romanNumerals,
  percentages,
  dates,
  timeFormat,
  phoneNumbers,
  forbiddenCharacters,
  boldOnly,
  abbreviations,
  difficultWords,
  oneTermPerConcept,
  negations,
  passiveVoice,
  imageAlt,
  chapterTodo,
  readability,
  spelling,
];

export const PDF_RULES: readonly PdfRule[] = [
  minFontSize,
  bodySize,
  noHyphenation,
  splitSentence,
  numberSplit,
  labelSplit,
  insideMargins,
  contentLoss,
  pageCount,
  pageMultipleOf4,
  pageFill,
  pictureTextSize,
  taggedPdf,
];

export const BOOKLET_RULES: readonly BookletRule[] = [blockWithoutPicture, onePictureOneConcept, repeatedPicture, departmentTodo, singleStep, unlistedChapter];

export type RuleKind = 'source' | 'booklet' | 'pdf';

export function findRule(
  id: string,
): { kind: 'source'; rule: SourceRule } | { kind: 'booklet'; rule: BookletRule } | { kind: 'pdf'; rule: PdfRule } | undefined {
  const source = SOURCE_RULES.find((rule) => rule.id === id);
  if (source) return { kind: 'source', rule: source };
  const booklet = BOOKLET_RULES.find((rule) => rule.id === id);
  if (booklet) return { kind: 'booklet', rule: booklet };
  const pdf = PDF_RULES.find((rule) => rule.id === id);
  return pdf ? { kind: 'pdf', rule: pdf } : undefined;
}

export const ALL_RULE_IDS: readonly string[] = [...SOURCE_RULES, ...BOOKLET_RULES, ...PDF_RULES].map((rule) => rule.id);
