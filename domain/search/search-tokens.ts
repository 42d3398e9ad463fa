// Free text -> search tokens: what intake indexes for a ticket's title and description, and what a query `q` looks for.
import type { Ticket } from '../../schemas/ticket.js';
import type { Segmenter } from '../ports/segmenter.js';

// Words that say nothing about a case; a query made only of them finds nothing rather than everything.
const STOP_WORDS = new Set([
  ...'的了是在和与及或也都就而之着把被我你他她它这那有很又还吗呢吧啊呀哦请'.split(''),
  ...['我们', '你们', '他们', '一个', '没有', '什么', '这个', '那个', '这里', '那里', '已经', '但是', '因为', '所以', '如果', '可以'],
  ...['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'is', 'at', 'for'],
]);

/** One spelling per word: full-width forms folded (ＡＢＣ１ -> abc1), lower case. */
export function normalizeToken(word: string): string {
  return word.normalize('NFKC').toLowerCase().trim();
}

/** The distinct search tokens among words, in first-seen order: punctuation, spaces and stop words dropped. */
export function searchTokens(words: readonly string[]): string[] {
  const tokens = words.map(normalizeToken).filter((w) => /[\p{L}\p{N}]/u.test(w) && !STOP_WORDS.has(w));
  return [...new Set(tokens)];
}

/** The text a ticket is searched by, normalized as tokens are. */
export function searchableText(ticket: Pick<Ticket, 'title' | 'description'>): string {
  return normalizeToken(`${ticket.title}\n${ticket.description}`);
}

/** At most this many tokens per ticket: with the ticket, its first event and an idempotency claim, one transaction's 100 items. */
export const MAX_SEARCH_TOKENS = 97;

/** Tokens in the order worth indexing: rarest first, then longest, then as written. */
function byWorth(tokens: readonly string[], segmenter: Segmenter): string[] {
  const rarity = segmenter.rarity(tokens);
  return tokens
    .map((token, i) => ({ token, i, rarity: rarity.get(token) ?? 0 }))
    .sort((a, b) => b.rarity - a.rarity || b.token.length - a.token.length || a.i - b.i)
    .map((t) => t.token);
}

/**
 * The tokens intake indexes a ticket under, at most `max`: a ticket's postings are written in its own transaction,
 * which holds 100 items, so a long description is found by its rarest words (every word still counts once a ticket
 * is found by one of them, see `containsTokens`).
 */
export function tokensToIndex(ticket: Pick<Ticket, 'title' | 'description'>, segmenter: Segmenter, max: number): string[] {
  const tokens = searchTokens(segmenter.indexWords(`${ticket.title}\n${ticket.description}`));
  return byWorth(tokens, segmenter).slice(0, Math.max(0, max));
}

/** The tokens of a query, rarest first: the first is the one to look up, the others are checked on what it finds. */
export function queryTokens(q: string, segmenter: Segmenter): string[] {
  return byWorth(searchTokens(segmenter.queryWords(q)), segmenter);
}

/** True when the ticket's title or description contains every token (as text, so segmentation cannot hide a word). */
export function containsTokens(ticket: Pick<Ticket, 'title' | 'description'>, tokens: readonly string[]): boolean {
  const text = searchableText(ticket);
  return tokens.every((token) => text.includes(token));
}
