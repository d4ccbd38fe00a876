import { createContext, useContext } from 'react';

export type SignOutReason = 'user' | 'rejected';

export interface Session {
  token: string;
  signOut: (reason: SignOutReason) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession must be used inside a signed-in SessionContext.');
  }
  return session;
}
