// User text with its #hashtags and @mentions as links (to /tag/:name and /@handle), everything
// else as plain text: React escapes it, so markup in a caption stays text.
import { Fragment } from 'react';
import { Link } from 'react-router';

// The server's own rules (server/src/videos/caption.ts): a tag starts after the beginning,
// whitespace or punctuation, never inside a word or an e-mail address.
const TOKEN =
  /(?<![\p{L}\p{N}_&#])#([\p{L}\p{M}\p{N}_]{1,100})|(?<![\p{L}\p{N}_@.])@([A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){1,23})/gu;

export function RichText({ text, linkClassName }: { text: string; linkClassName?: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    const [whole, tag, handle] = match;
    if (tag !== undefined && !/^\p{N}+$/u.test(tag)) {
      parts.push(
        <Link
          key={start}
          className={linkClassName}
          to={`/tag/${encodeURIComponent(tag.toLowerCase())}`}
        >
          {whole}
        </Link>,
      );
    } else if (handle !== undefined) {
      parts.push(
        <Link key={start} className={linkClassName} to={`/@${handle.toLowerCase()}`}>
          {whole}
        </Link>,
      );
    } else {
      parts.push(whole);
    }
    last = start + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
