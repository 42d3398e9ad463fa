// Port: cutting Chinese (and any) text into words, for the search index and for queries. Adapters implement it.

export interface Segmenter {
  /** The words of a text as indexed: search mode, where a long word also yields the dictionary words inside it. */
  indexWords(text: string): string[];
  /** The words of a query as a person typed it. */
  queryWords(text: string): string[];
  /** How rare each word is in general written Chinese (inverse document frequency): higher is rarer; absent is common. */
  rarity(words: readonly string[]): Map<string, number>;
}
