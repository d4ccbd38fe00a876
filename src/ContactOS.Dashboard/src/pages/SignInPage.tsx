import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isRetryable, requestJson } from '../api/client';
import { queryKeys } from '../api/queries';
import type { DemoTenant } from '../api/types';
import { LanguageToggle, ThemeToggle } from '../components/PreferenceToggles';
import { useLanguage } from '../i18n/LanguageContext';

interface SignInPageProps {
  onSignIn: (token: string) => void;
  sessionRejected: boolean;
}

export function SignInPage({ onSignIn, sessionRejected }: SignInPageProps) {
  const { t } = useLanguage();
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__tools">
          <LanguageToggle />
          <ThemeToggle />
        </div>
        <p className="app-header__product">{t.productName}</p>
        <h1>{t.signIn.heading}</h1>
        <p className="sign-in__intro">{t.signIn.intro}</p>
        {sessionRejected && (
          <p className="notice" role="alert">
            {t.signIn.rejected}
          </p>
        )}
        <DemoTenants onSignIn={onSignIn} />
        <TokenForm onSignIn={onSignIn} />
      </div>
    </main>
  );
}

/** Shown only in demo mode: the endpoint answers 404 otherwise, and the section stays hidden. */
function DemoTenants({ onSignIn }: { onSignIn: (token: string) => void }) {
  const { t } = useLanguage();
  const demoTenants = useQuery({
    queryKey: queryKeys.demoTenants,
    queryFn: ({ signal }) => requestJson<{ tenants: DemoTenant[] }>('/api/v2/auth/demo-tenants', { signal }),
    retry: (failures, error) => isRetryable(error) && failures < 2,
    staleTime: Infinity,
  });
  const devToken = useMutation({
    mutationFn: (tenantId: string) =>
      requestJson<{ token: string }>('/api/v2/auth/dev-token', {
        method: 'POST',
        body: { tenant: tenantId, roles: ['viewer'] },
      }),
    onSuccess: ({ token }) => onSignIn(token),
  });

  if (demoTenants.isPending) {
    return <p className="sign-in__status">{t.signIn.demoLoading}</p>;
  }
  if (!demoTenants.data || demoTenants.data.tenants.length === 0) {
    return null;
  }
  return (
    <section className="sign-in__section" aria-label={t.signIn.demoHeading}>
      <h2>{t.signIn.demoHeading}</h2>
      <ul className="sign-in__tenants">
        {demoTenants.data.tenants.map((tenant) => (
          <li key={tenant.tenantId}>
            <button
              type="button"
              className="button button--tenant"
              data-testid={`signin-tenant-${tenant.tenantId}`}
              disabled={devToken.isPending}
              onClick={() => devToken.mutate(tenant.tenantId)}
            >
              {devToken.isPending && devToken.variables === tenant.tenantId ? t.signIn.signingIn : tenant.displayName}
            </button>
          </li>
        ))}
      </ul>
      {devToken.isError && (
        <p className="notice" role="alert">
          {t.signIn.demoFailed}
        </p>
      )}
    </section>
  );
}

function TokenForm({ onSignIn }: { onSignIn: (token: string) => void }) {
  const { t } = useLanguage();
  const [token, setToken] = useState('');
  const fieldId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (trimmed) {
      onSignIn(trimmed);
    }
  };

  return (
    <form className="sign-in__section" onSubmit={submit}>
      <label htmlFor={fieldId}>{t.signIn.tokenLabel}</label>
      <textarea
        id={fieldId}
        className="sign-in__token"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={hintId}
        required
      />
      <p id={hintId} className="sign-in__hint">
        {t.signIn.tokenHint}
      </p>
      <button type="submit" className="button button--primary">
        {t.signIn.submit}
      </button>
    </form>
  );
}
