import type { Sentence, SourcePosition } from './booklet.js';

/** "CPAM veut dire : Caisse primaire d'assurance maladie." — a difficult word and its explanation. */
export function explanationSentence(term: string, definition: string, source: SourcePosition): Sentence {
  const rest = ` veut dire : ${definition.replace(/\.$/, '')}.`;
  return {
    inlines: [
      { kind: 'text', text: term, bold: true },
      { kind: 'text', text: rest, bold: false },
    ],
    text: `${term}${rest}`,
    source,
  };
}
