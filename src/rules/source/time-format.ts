import { z } from 'zod';
import { readSentences } from '../../content/source-lines.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * Times are written "8 h 30" or "8h30", one style in the whole booklet
 * (consistency); "08:30" and "8.30" are always rewritten. `style: first` keeps
 * the style of the booklet's first time.
 */
const TIME = /(?<![\d,.:])(\d{1,2})(?:(\s?)[hH](\s?)(\d{2})?|:(\d{2}))(?![\p{L}\d])/gu;
type Style = 'spaced' | 'compact';

function styleOf(match: RegExpMatchArray): Style | 'colon' {
  if (match[5] !== undefined) return 'colon';
  return match[2] || match[3] ? 'spaced' : 'compact';
}

function written(hours: string, minutes: string | undefined, style: Style): string {
  const hour = String(Number(hours));
  if (style === 'spaced') return minutes ? `${hour} h ${minutes}` : `${hour} h`;
  return minutes ? `${hour}h${minutes}` : `${hour}h`;
}

export const timeFormat = defineSourceRule(
  {
    id: 'time-format',
    description: 'Times are written "8 h 30" (`spaced`) or "8h30" (`compact`), one style in the booklet; `first` keeps the first style used.',
    severity: 'warn',
    options: z.strictObject({ style: z.enum(['first', 'spaced', 'compact']).default('first') }),
  },
  ({ text, booklet, options, report }) => {
    let style: Style | undefined = options.style === 'first' ? undefined : options.style;
    if (!style) {
      outer: for (const chapter of booklet.chapters) {
        for (const sentence of readSentences(chapter.text)) {
          for (const match of sentence.text.matchAll(TIME)) {
            const found = styleOf(match);
            if (found !== 'colon') {
              style = found;
              break outer;
            }
          }
        }
      }
    }
    const expected: Style = style ?? 'spaced';
    for (const sentence of readSentences(text)) {
      for (const match of sentence.text.matchAll(TIME)) {
        if (styleOf(match) === expected) continue;
        const minutes = match[4] ?? match[5];
        report(t('finding.timeFormat.style', { time: match[0], expected: written(match[1] ?? '', minutes, expected) }), sentence.pointAt(match.index));
      }
    }
  },
);
