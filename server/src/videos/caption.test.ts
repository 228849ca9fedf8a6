import { describe, expect, it } from 'vitest';
import { parseHashtagsAndMentions } from './caption.js';

describe('parsing hashtags and mentions', () => {
  it('finds hashtags and mentions in order, lowercased and distinct', () => {
    const parsed = parseHashtagsAndMentions(
      'Sunday #Cooking with @Ana.Lopez and @bo_b! #cooking #pasta🍝 cc @ana.lopez',
    );
    expect(parsed).toEqual({ hashtags: ['cooking', 'pasta'], mentions: ['ana.lopez', 'bo_b'] });
  });

  it('reads hashtags in any script', () => {
    expect(parseHashtagsAndMentions('#café #料理 #кухня').hashtags).toEqual([
      'café',
      '料理',
      'кухня',
    ]);
  });

  it('ignores emails, anchors inside words, bare numbers and HTML entities', () => {
    const parsed = parseHashtagsAndMentions(
      'mail ana@example.com, issue#12, #2024, &#39; and C# code',
    );
    expect(parsed).toEqual({ hashtags: [], mentions: [] });
  });

  it('does not end a mention on a trailing dot', () => {
    expect(parseHashtagsAndMentions('thanks @ana.').mentions).toEqual(['ana']);
  });

  it('caps the number of tags', () => {
    const many = Array.from({ length: 50 }, (_, i) => `#tag${i}`).join(' ');
    expect(parseHashtagsAndMentions(many).hashtags).toHaveLength(30);
  });
});
