import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { displayPath } from '../../paths.js';
import { defineBookletRule } from './booklet-rule.js';

/** A Markdown file in the booklet's folder that booklet.yaml does not list is left out of the booklet: say so. */
export const unlistedChapter = defineBookletRule({
  id: 'unlisted-chapter',
  description: "Every .md file of the booklet's folder is listed in booklet.yaml (chapters:).",
  severity: 'warn',
  options: z.strictObject({}),
  check: ({ projectRoot, booklet }) => {
    const folder = path.join(projectRoot, 'content', booklet.id);
    const listed = new Set(booklet.chapters.map((chapter) => chapter.file));
    const bookletFile = displayPath(projectRoot, path.join(folder, 'booklet.yaml'));
    const markdown = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
    return markdown
      .map((name) => displayPath(projectRoot, path.join(folder, name)))
      .filter((shown) => !listed.has(shown))
      .map((shown) => ({ file: shown, line: 1, column: 1, message: t('finding.unlistedChapter', { booklet: bookletFile }) }));
  },
});
