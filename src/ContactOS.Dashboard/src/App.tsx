import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { forgetStarted } from './api/firstLoad';
import { createQueryClient } from './api/queryClient';
import { SessionContext, type SignOutReason } from './auth/SessionContext';
import { forgetToken, readToken, storeToken } from './auth/tokenStorage';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { SignInPage } from './pages/SignInPage';

export function App() {
  const [token, setToken] = useState(readToken);
  const [sessionRejected, setSessionRejected] = useState(false);
  const rejectSession = useRef(() => {});
  const [queryClient] = useState(() => createQueryClient(() => rejectSession.current()));

  const signIn = useCallback((newToken: string) => {
    storeToken(newToken);
    setSessionRejected(false);
    setToken(newToken);
  }, []);

  const signOut = useCallback(
    (reason: SignOutReason) => {
      forgetToken();
      forgetStarted();
      queryClient.clear();
      setSessionRejected(reason === 'rejected');
      setToken(null);
    },
    [queryClient],
  );

  useEffect(() => {
    rejectSession.current = () => signOut('rejected');
  }, [signOut]);

  const session = useMemo(() => (token ? { token, signOut } : null), [token, signOut]);

  return (
    <QueryClientProvider client={queryClient}>
      {session ? (
        <SessionContext.Provider value={session}>
          <AnalyticsPage />
        </SessionContext.Provider>
      ) : (
        <SignInPage onSignIn={signIn} sessionRejected={sessionRejected} />
      )}
    </QueryClientProvider>
  );
}
