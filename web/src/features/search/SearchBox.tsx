// The search field with suggestions while typing (WAI-ARIA combobox with a listbox): accounts
// and hashtags matching what is typed. Arrow keys move through them, Enter opens one (or searches
// for the text), Escape closes the list.
import type { Schemas } from '@shortwave/api-client';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { joinClassNames } from '../../ui/classNames';
import { formatCount } from '../profile/PosterGrid';
import { getSuggestions } from './search.api';
import styles from './DiscoverPage.module.css';

const TYPING_PAUSE_MS = 150;

type Suggestion =
  | { kind: 'account'; account: Schemas['Profile'] }
  | { kind: 'hashtag'; hashtag: Schemas['HashtagCount'] };

const pathOf = (suggestion: Suggestion) =>
  suggestion.kind === 'account'
    ? `/@${suggestion.account.handle}`
    : `/tag/${encodeURIComponent(suggestion.hashtag.tag)}`;

export function SearchBox({
  initialText,
  onSearch,
}: {
  initialText: string;
  onSearch: (text: string) => void;
}) {
  const id = useId();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initialText);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => setText(initialText), [initialText]);

  const trimmed = text.trim();
  useEffect(() => {
    if (!trimmed || !isOpen) {
      setSuggestions([]);
      return;
    }
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      getSuggestions(trimmed.slice(0, 100)).then(
        (found) => {
          if (!isCurrent) return;
          setSuggestions([
            ...found.accounts.map((account) => ({ kind: 'account' as const, account })),
            ...found.hashtags.map((hashtag) => ({ kind: 'hashtag' as const, hashtag })),
          ]);
          setActive(-1);
        },
        // Suggestions are a convenience: without them, Enter still searches.
        () => isCurrent && setSuggestions([]),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [trimmed, isOpen]);

  const isListShown = isOpen && suggestions.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const open = (suggestion: Suggestion) => {
    setIsOpen(false);
    void navigate(pathOf(suggestion));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setIsOpen(true);
      setActive((current) => (current + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((current) => (current <= 0 ? suggestions.length - 1 : current - 1));
    } else if (event.key === 'Escape' && isListShown) {
      event.preventDefault();
      setIsOpen(false);
    } else if (event.key === 'Enter' && isListShown && active >= 0) {
      const suggestion = suggestions[active];
      if (suggestion) {
        event.preventDefault();
        open(suggestion);
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) return;
    setIsOpen(false);
    inputRef.current?.blur();
    onSearch(trimmed);
  };

  return (
    <form role="search" className={styles.searchForm} onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        Search accounts, hashtags and videos
      </label>
      <div className={styles.searchField}>
        <Icon name="search" size={20} />
        <input
          ref={inputRef}
          id={id}
          type="search"
          role="combobox"
          enterKeyHint="search"
          autoComplete="off"
          placeholder="Search"
          maxLength={100}
          aria-expanded={isListShown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={isListShown && active >= 0 ? optionId(active) : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
          onBlur={() => setIsOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Suggestions"
        className={styles.suggestions}
        hidden={!isListShown}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.kind === 'account' ? suggestion.account.id : suggestion.hashtag.tag}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={joinClassNames(styles.suggestion, index === active && styles.activeOption)}
            // Before the input's blur closes the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => open(suggestion)}
          >
            {suggestion.kind === 'account' ? (
              <>
                <Avatar
                  src={suggestion.account.avatarUrl}
                  name={suggestion.account.displayName}
                  size={32}
                />
                <span className={styles.suggestionText}>
                  <span className={styles.suggestionName}>{suggestion.account.displayName}</span>
                  <span className={styles.suggestionMeta}>@{suggestion.account.handle}</span>
                </span>
              </>
            ) : (
              <>
                <span className={styles.tagIcon} aria-hidden="true">
                  <Icon name="hash" size={18} />
                </span>
                <span className={styles.suggestionText}>
                  <span className={styles.suggestionName}>#{suggestion.hashtag.tag}</span>
                  <span className={styles.suggestionMeta}>
                    {formatCount(suggestion.hashtag.videoCount)}{' '}
                    {suggestion.hashtag.videoCount === 1 ? 'video' : 'videos'}
                  </span>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
