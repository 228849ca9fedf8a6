// Saves the display name and bio; the server trims and normalises them and answers with the
// account as it now is.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export function updateProfile(body: { displayName: string; bio: string }): Promise<Schemas['Me']> {
  return unwrap(api.PATCH('/api/v1/me', { body }));
}
