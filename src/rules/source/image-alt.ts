import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** Every screenshot and picture has alternative text: what it shows, in French (accessibility). */
const IMAGE_DIRECTIVES = new Set(['screenshot', 'image']);

export const imageAlt = defineSourceRule(
  {
    id: 'image-alt',
    description: 'Every `::screenshot{…}` and Markdown image has an `alt` text of at least `minWords` words saying what it shows.',
    severity: 'error',
    options: z.strictObject({ minWords: z.number().int().positive().default(3) }),
  },
  ({ tree, options, report }) => {
    visit(tree, (node: Nodes) => {
      let alt: string | undefined;
      let what: string;
      if ((node.type === 'leafDirective' || node.type === 'textDirective') && IMAGE_DIRECTIVES.has(node.name)) {
        alt = node.attributes?.alt ?? undefined;
        what = `::${node.name}{src=${node.attributes?.src ?? '?'}}`;
      } else if (node.type === 'image') {
        alt = node.alt ?? undefined;
        what = t('finding.imageAlt.image', { url: node.url });
      } else return;
      const wordCount = (alt ?? '').split(/\s+/).filter(Boolean).length;
      if (wordCount === 0) {
        report(t('finding.imageAlt.missing', { image: what }), node.position?.start);
      } else if (wordCount < options.minWords) {
        report(t('finding.imageAlt.tooShort', { image: what, alt: alt ?? '' }), node.position?.start);
      }
    });
  },
);
