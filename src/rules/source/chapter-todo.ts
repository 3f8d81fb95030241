import { location } from 'vfile-location';
import { z } from 'zod';
import { TODO } from '../../departments/starter-file.js';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/**
 * A chapter is not printed while a TODO marker is left in it: `livret import`
 * writes one where Word gave no description for a picture (`alt="TODO …"`),
 * and writers leave their own. Like the department files' TODOs
 * (rule `department-todo`), each one is an error until it is replaced.
 */
const MARKER = new RegExp(`\\b${TODO}\\b`, 'g');

export const chapterTodo = defineSourceRule(
  {
    id: 'chapter-todo',
    description: 'The chapter has no TODO marker left (in its text or in a directive such as `alt="TODO …"`).',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ file, report }) => {
    const source = String(file.value);
    const place = location(file);
    for (const match of source.matchAll(MARKER)) {
      const inAlt = /\balt\s*=\s*["']?$/.test(source.slice(Math.max(0, match.index - 12), match.index));
      report(
        inAlt
          ? t('finding.chapterTodo.alt')
          : t('finding.chapterTodo.todo'),
        place.toPoint(match.index),
      );
    }
  },
);
