// Avatar upload and removal. The upload sends the image itself as the body (openapi-fetch only
// sends JSON), through XMLHttpRequest because fetch cannot report upload progress yet.
import { ApiProblem, unwrap, type ProblemBody, type Schemas } from '@shortwave/api-client';
import { AVATAR_MAX_BYTES } from './accountRules';
import { api } from './client';
import { sessionStore } from './sessionStore';

/** A problem found before sending, worded like the server's. */
function localProblem(title: string, detail: string): ApiProblem {
  return new ApiProblem({ type: '/problems/image-rejected', title, detail, status: 0 });
}

export function checkAvatarFile(file: File): ApiProblem | null {
  if (file.type && !file.type.startsWith('image/'))
    return localProblem('That file is not an image', 'Choose a JPEG, PNG, WebP or GIF photo.');
  if (file.size > AVATAR_MAX_BYTES)
    return localProblem('That photo is too big', 'Choose a photo of 10 MB or less.');
  return null;
}

export function uploadAvatar(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Schemas['Me']> {
  const rejection = checkAvatarFile(file);
  if (rejection) return Promise.reject(rejection);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', '/api/v1/me/avatar');
    request.responseType = 'json';
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    const csrfToken = sessionStore.get().csrfToken;
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body: unknown = request.response;
      if (request.status === 200) {
        resolve(body as Schemas['Me']);
        return;
      }
      const isProblem = typeof body === 'object' && body !== null && 'type' in body;
      reject(
        new ApiProblem(
          isProblem
            ? (body as ProblemBody)
            : {
                type: '/problems/http-error',
                title: 'The photo could not be saved',
                status: request.status,
              },
        ),
      );
    });
    request.addEventListener('error', () => reject(new TypeError('network error')));
    request.send(file);
  });
}

export function removeAvatar(): Promise<Schemas['Me']> {
  return unwrap(api.DELETE('/api/v1/me/avatar'));
}
