// Joins CSS module class names, skipping the ones a condition turned off.
export function joinClassNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
