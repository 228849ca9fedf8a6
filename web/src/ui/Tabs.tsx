// A row of tabs over one panel (WAI-ARIA tabs pattern): arrow keys, Home and End move between
// tabs, the selected tab is the only one in the Tab order, the panel is labelled by its tab.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { joinClassNames } from './classNames';
import styles from './Tabs.module.css';

export type TabOption<Value extends string> = { value: Value; label: string };

export function Tabs<Value extends string>({
  label,
  options,
  selected,
  onSelect,
  children,
}: {
  label: string;
  options: TabOption<Value>[];
  selected: Value;
  onSelect: (value: Value) => void;
  children: ReactNode;
}) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (value: Value) => `${id}-tab-${value}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = options.findIndex((option) => option.value === selected);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % options.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + options.length) % options.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = options.length - 1;
    else return;
    event.preventDefault();
    const option = options[next];
    if (!option) return;
    onSelect(option.value);
    listRef.current?.querySelector<HTMLElement>(`[id="${tabId(option.value)}"]`)?.focus();
  };

  return (
    <>
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        className={styles.list}
        onKeyDown={onKeyDown}
      >
        {options.map((option) => {
          const isSelected = option.value === selected;
          return (
            <button
              key={option.value}
              id={tabId(option.value)}
              type="button"
              role="tab"
              aria-selected={isSelected}
              aria-controls={`${id}-panel`}
              tabIndex={isSelected ? 0 : -1}
              className={joinClassNames(styles.tab, isSelected && styles.selected)}
              onClick={() => onSelect(option.value)}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={tabId(selected)}
        className={styles.panel}
      >
        {children}
      </div>
    </>
  );
}
