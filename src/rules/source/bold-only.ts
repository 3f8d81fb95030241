import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { defineSourceRule } from './rule-kit.js';
import { t } from '../../i18n/index.js';

/** Emphasis is bold only: no italics, underline or strike-through (Inclusion Europe; People First). */
const INLINE_STYLE_HTML = /^<\s*(i|em|u|ins|s|del|strike|cite|span\s+style)\b/i;

export const boldOnly = defineSourceRule(
  {
    id: 'bold-only',
    description: 'Emphasis is **bold** only: no *italics*, no ~~strike-through~~, no underline (`<u>`).',
    severity: 'error',
    options: z.strictObject({}),
  },
  ({ tree, report }) => {
    visit(tree, (node: Nodes) => {
      const place = node.position?.start;
      if (node.type === 'emphasis') report(t('finding.boldOnly.italic'), place);
      else if (node.type === 'delete') report(t('finding.boldOnly.strikethrough'), place);
      else if (node.type === 'html' && INLINE_STYLE_HTML.test(node.value)) {
        report(t('finding.boldOnly.formatting', { formatting: node.value }), place);
      }
    });
  },
);
