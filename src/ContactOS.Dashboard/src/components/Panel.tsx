import { useId, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useLanguage } from '../i18n/LanguageContext';

export type SkeletonShape = 'chart' | 'list';

interface PanelProps<T> {
  title: string;
  /** A line under the title saying what the panel's figures are out of or where they come from. */
  caption?: string;
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  skeleton: SkeletonShape;
  className?: string;
  /** What the panel says when isEmpty; "No data for this period" unless given. */
  emptyText?: string;
  testId?: string;
  /** Inputs that choose what the panel shows (a sort, a mode, an agent), under its title. */
  controls?: ReactNode;
  /** A message for an error the user can act on (a 404 for what they asked for); the generic one otherwise. */
  describeError?: (error: unknown) => string | undefined;
  /** Said while the query waits for something to ask for (an agent, a conversation id). */
  idleText?: string;
  children: (data: T) => ReactNode;
}

/** A titled dashboard panel that shows its query's loading, error and empty states, or its content. */
export function Panel<T>({
  title,
  caption,
  query,
  isEmpty,
  skeleton,
  className,
  emptyText,
  testId,
  controls,
  describeError,
  idleText,
  children,
}: PanelProps<T>) {
  const titleId = useId();
  return (
    <section
      className={['panel', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <header className="panel__header">
        <h2 id={titleId} className="panel__title">
          {title}
        </h2>
        {caption && (
          <p className="panel__caption" data-testid="panel-caption">
            {caption}
          </p>
        )}
      </header>
      {controls && <div className="panel__controls">{controls}</div>}
      <PanelBody
        query={query}
        isEmpty={isEmpty}
        skeleton={skeleton}
        emptyText={emptyText}
        describeError={describeError}
        idleText={idleText}
      >
        {children}
      </PanelBody>
    </section>
  );
}

function PanelBody<T>({
  query,
  isEmpty,
  skeleton,
  emptyText,
  describeError,
  idleText,
  children,
}: Omit<PanelProps<T>, 'title' | 'caption' | 'className' | 'testId' | 'controls'>) {
  const { t } = useLanguage();
  if (query.data === undefined) {
    if (query.isError) {
      const message = describeError?.(query.error);
      return message ? (
        <p className="panel__empty" role="alert" data-testid="panel-message">
          {message}
        </p>
      ) : (
        <ErrorState onRetry={() => void query.refetch()} />
      );
    }
    if (idleText !== undefined && query.fetchStatus === 'idle') {
      return (
        <p className="panel__empty" data-testid="panel-idle">
          {idleText}
        </p>
      );
    }
    return <Skeleton shape={skeleton} />;
  }
  if (isEmpty(query.data)) {
    return (
      <p className="panel__empty" data-testid="panel-empty">
        {emptyText ?? t.states.empty}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}

export function Skeleton({ shape }: { shape: SkeletonShape }) {
  const { t } = useLanguage();
  return (
    <div className={`skeleton skeleton--${shape}`} role="status" aria-busy="true">
      <span className="visually-hidden">{t.states.loading}</span>
    </div>
  );
}

export function ErrorState({ onRetry, message }: { onRetry: () => void; message?: string }) {
  const { t } = useLanguage();
  return (
    <div className="error-state" role="alert">
      <p>{message ?? t.states.error}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.states.retry}
      </button>
    </div>
  );
}
