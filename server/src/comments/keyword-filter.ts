// A creator's comment keyword filter, turned into PostgreSQL regular expressions (ARE) that match
// a keyword as a whole word in any case: "ass" hides "Ass!" but not "class". Pure.

export const MAX_KEYWORDS = 200;

// Characters with a meaning in an ARE, escaped so a keyword is always taken literally.
const ARE_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

export function normaliseKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const normalised = keyword.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
    if (normalised) seen.add(normalised);
  }
  return [...seen].slice(0, MAX_KEYWORDS);
}

export function keywordPattern(keyword: string): string {
  const literal = keyword.replace(ARE_SPECIAL, '\\$&').replace(/ /g, '\\s+');
  return `(^|[^[:alnum:]_])${literal}($|[^[:alnum:]_])`;
}
