import { z } from 'zod';
import type { Pictogram, SourcePosition } from '../../model/booklet.js';
import type { Lexicon } from '../../pictograms/lexicon.js';
import { depictedConcept, pictureSlots } from '../../pictograms/pictogram-findings.js';
import { defineBookletRule, type BookletFinding } from './booklet-rule.js';
import { t } from '../../i18n/index.js';

/**
 * One picture, one concept (easy-read: "the same picture for the same thing
 * throughout", DoH 2010; Inclusion Europe). A reader learns what a picture
 * means and then trusts it: "1234" for the social security number cannot also
 * mean the carte Vitale serial, and the website cannot be a globe on one page
 * and a chain link on another.
 */
interface Placed {
  pictogram: Pictogram;
  /** What the picture stands for here. */
  concept: string;
  source: SourcePosition;
  what: string;
  /** The text beside the picture. */
  text: string;
  chapter: number;
}

/**
 * Pairs the layout prints with one picture (src/layout/booklet-layout.ts): a
 * chapter's first paragraph or list under a title with the same picture, and
 * a list under its lead-in ("… de personnes :") with the same picture.
 */
function printedOnce(previous: Placed, item: Placed): boolean {
  const textBlock = item.what === 'block' || item.what === 'list';
  if (previous.what === 'chapter title' && textBlock) return true;
  return item.what === 'list' && previous.what === 'block' && previous.text.trimEnd().endsWith(':');
}

function placedPictures(input: { booklet: Parameters<typeof pictureSlots>[0]; lexicon: Lexicon }): Placed[] {
  const placed: Placed[] = [];
  const chapterOf = new Map(input.booklet.chapters.map((chapter, index) => [chapter.file, index]));
  for (const slot of pictureSlots(input.booklet)) {
    if (!slot.pictogram) continue;
    // A lexicon concept chosen by hand is trusted; an icon outside the lexicon stands for what its text is about.
    const concept = depictedConcept(input.lexicon, { pictogram: slot.pictogram, text: slot.text, source: slot.source }) ?? slot.pictogram.icon;
    placed.push({ pictogram: slot.pictogram, concept, source: slot.source, what: slot.what, text: slot.text, chapter: chapterOf.get(slot.source.file) ?? -1 });
  }
  return placed;
}

const where = (source: SourcePosition) => `${source.file}:${source.line}`;
const at = (source: SourcePosition) => ({ file: source.file, line: source.line, column: source.column });

export const onePictureOneConcept = defineBookletRule({
  id: 'one-picture-one-concept',
  description: 'Within a booklet a picture never stands for two concepts, and a concept always has the same picture.',
  severity: 'error',
  options: z.strictObject({}),
  check(input) {
    const placed = placedPictures(input);
    const findings: BookletFinding[] = [];
    const firstOfIcon = new Map<string, Placed>();
    const firstOfConcept = new Map<string, Placed>();
    for (const item of placed) {
      const icon = item.pictogram.icon;
      const sameIcon = firstOfIcon.get(icon);
      const sameConcept = firstOfConcept.get(item.concept);
      if (sameIcon && sameIcon.concept !== item.concept) {
        findings.push({
          ...at(item.source),
          message: t('finding.pictureConcepts.iconTwoConcepts', { icon, concept: item.concept, other: sameIcon.concept, place: where(sameIcon.source) }),
        });
      } else if (sameConcept && sameConcept.pictogram.icon !== icon) {
        findings.push({
          ...at(item.source),
          message: t('finding.pictureConcepts.conceptTwoIcons', { concept: item.concept, icon, other: sameConcept.pictogram.icon, place: where(sameConcept.source) }),
        });
      }
      if (!firstOfIcon.has(icon)) firstOfIcon.set(icon, item);
      if (!firstOfConcept.has(item.concept)) firstOfConcept.set(item.concept, item);
    }
    return findings;
  },
});

/** The same picture on two blocks in a row says nothing new: the second idea looks like the first. */
export const repeatedPicture = defineBookletRule({
  id: 'repeated-picture',
  description: 'The same picture does not stand beside two consecutive blocks.',
  severity: 'warn',
  options: z.strictObject({}),
  check(input) {
    // The agencies are one list of places of the same kind: one picture each is expected.
    const placed = placedPictures(input).filter((item) => item.what !== 'agency');
    const findings: BookletFinding[] = [];
    placed.forEach((item, index) => {
      const previous = placed[index - 1];
      if (!previous || previous.chapter !== item.chapter || previous.pictogram.icon !== item.pictogram.icon) return;
      if (printedOnce(previous, item)) return;
      findings.push({
        ...at(item.source),
        message: t('finding.pictureConcepts.sameAsPrevious', { icon: item.pictogram.icon, place: where(previous.source) }),
      });
    });
    return findings;
  },
});
