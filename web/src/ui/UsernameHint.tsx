// A hidden username next to password fields, so password managers know which account a
// password change or confirmation belongs to.
export function UsernameHint({ handle }: { handle: string }) {
  return (
    <input type="text" name="username" autoComplete="username" value={handle} readOnly hidden />
  );
}
