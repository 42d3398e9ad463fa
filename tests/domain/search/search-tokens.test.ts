// What a ticket is found by: normalized words without stop words, rarest first, no more than one write holds.
import { describe, expect, it } from 'vitest';
import type { Segmenter } from '../../../domain/ports/segmenter.js';
import { containsTokens, MAX_SEARCH_TOKENS, queryTokens, searchTokens, tokensToIndex } from '../../../domain/search/search-tokens.js';
import { phoneKey } from '../../../domain/search/phone-key.js';

// Words are what is between spaces; a word's rarity is its length, except where given.
const spaces = (rare: Record<string, number> = {}): Segmenter => ({
  indexWords: (text) => text.split(/\s+/),
  queryWords: (text) => text.split(/\s+/),
  rarity: (words) => new Map(words.map((w) => [w, rare[w] ?? w.length])),
});

describe('search tokens', () => {
  it('folds full-width forms and case, and drops punctuation, spaces and stop words', () => {
    expect(searchTokens(['楼上', '的', '噪音', '，', ' ', 'ＮＯＩＳＥ', 'Noise', '12'])).toEqual(['楼上', '噪音', 'noise', '12']);
  });

  it('indexes a ticket by its rarest words first, at most as many as one transaction holds', () => {
    const description = Array.from({ length: 150 }, (_, i) => `词${i}`).join(' ');
    const tokens = tokensToIndex({ title: '楼上 噪音', description: `${description} 广场舞` }, spaces({ 广场舞: 99 }), MAX_SEARCH_TOKENS);

    expect(tokens).toHaveLength(MAX_SEARCH_TOKENS);
    expect(tokens[0]).toBe('广场舞');
  });

  it('looks a query up by its rarest word', () => {
    expect(queryTokens('噪音 的 广场舞', spaces())).toEqual(['广场舞', '噪音']);
  });

  it('finds a ticket only when its text holds every word of the query', () => {
    const ticket = { title: '楼上夜间噪音', description: '每晚十一点后楼上装修噪音很大。' };

    expect(containsTokens(ticket, ['装修', '噪音'])).toBe(true);
    expect(containsTokens(ticket, ['装修', '路灯'])).toBe(false);
  });
});

describe('the phone key', () => {
  it('keeps digits only and drops China’s country code before a mobile number', () => {
    expect(phoneKey('138 0013 8000')).toBe('13800138000');
    expect(phoneKey('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneKey('0086 13800138000')).toBe('13800138000');
    expect(phoneKey('0532-8888 1234')).toBe('053288881234');
  });
});
