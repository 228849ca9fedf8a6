// Hashtags and @mentions parsed out of user text (captions now, comments later). Pure.

export const MAX_CAPTION_LENGTH = 2200;
const MAX_TAGS = 30;

// A tag starts after the beginning, whitespace or punctuation (not inside a word or an email
// address) and runs over letters, marks, digits and "_".
const HASHTAG = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{M}\p{N}_]{1,100})/gu;
const MENTION = /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){1,23})/gu;

export type ParsedText = { hashtags: string[]; mentions: string[] };

/** Distinct hashtags (lowercased, without "#") and mentioned handles, in order of appearance. */
export function parseHashtagsAndMentions(text: string): ParsedText {
  const hashtags = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    const tag = match[1]!.normalize('NFKC').toLowerCase();
    // "#1" or "#2024" alone is a number, not a topic.
    if (!/^\p{N}+$/u.test(tag)) hashtags.add(tag);
    if (hashtags.size >= MAX_TAGS) break;
  }
  const mentions = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    mentions.add(match[1]!.toLowerCase());
    if (mentions.size >= MAX_TAGS) break;
  }
  return { hashtags: [...hashtags], mentions: [...mentions] };
}
