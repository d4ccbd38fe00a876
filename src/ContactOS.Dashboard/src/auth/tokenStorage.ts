const storageKey = 'contactos.dashboard.token';

export function readToken(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(storageKey, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(storageKey);
}
