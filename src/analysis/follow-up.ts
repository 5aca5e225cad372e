/**
 * Helpers for the follow-up questions of signal rules (`followUp` in a rule definition): the
 * answer's own words, or a neutral phrase where it names nothing (never the rubric's example, so a
 * question does not put words in the candidate's mouth).
 */
import type { Document } from '../document/document.js';
import { answerContext } from './context.js';
import { quote } from './signal.js';

export interface OwnWords {
  /** "the DCN ranker", else "the model". */
  model: string;
  /** The answer's offline metric ("AUC"), else "your offline metric". */
  offlineMetric: string;
  /** The answer's product metric ("CTR"), else "the business metric". */
  businessMetric: string;
  /** The answer's online store ("Redis"), if it names one. */
  onlineStore?: string;
  streaming?: string;
  batchEngine?: string;
  /** Where the answer's labels come from, if it says. */
  events?: string;
}

export function ownWords(doc: Document): OwnWords {
  const own = answerContext(doc).own;
  return {
    model: own.model ?? 'the model',
    offlineMetric: own.offlineMetric ?? 'your offline metric',
    businessMetric: own.businessMetric ?? 'the business metric',
    ...(own.onlineStore ? { onlineStore: own.onlineStore } : {}),
    ...(own.streaming ? { streaming: own.streaming } : {}),
    ...(own.batchEngine ? { batchEngine: own.batchEngine } : {}),
    ...(own.events ? { events: own.events } : {}),
  };
}

/** The evidence as a short quotation for a question ("You write “…”:"), or undefined. */
export function quoted(evidence: string | undefined, max = 70): string | undefined {
  if (!evidence) return undefined;
  const first = evidence.split(' … ')[0] as string;
  // The question goes on after the quotation: its closing full stop would end it too early.
  let text = quote(first, max);
  while (/[.!?]/.test(text.slice(-1))) text = text.slice(0, -1);
  return `“${text}”`;
}
