import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../api/types';
import { LanguageProvider } from '../i18n/LanguageContext';
import { KpiCard } from './KpiCard';

afterEach(cleanup);

function renderCard(element: React.ReactElement, language: Language = 'en') {
  render(<LanguageProvider initialLanguage={language}>{element}</LanguageProvider>);
}

describe('KpiCard', () => {
  it('shows the value, label and caption', () => {
    renderCard(<KpiCard name="totalConversations" kpi={{ value: 1247, previous: 1100 }} />);
    const card = screen.getByTestId('kpi-totalConversations');
    expect(within(card).getByTestId('kpi-value').textContent).toBe('1,247');
    expect(within(card).getByRole('heading').textContent).toBe('Total Conversations');
    expect(card.textContent).toContain('This period');
  });

  it('shows an upward trend with the delta against the previous period', () => {
    renderCard(<KpiCard name="aiResolutionRate" kpi={{ value: 0.62, previous: 0.58 }} northStar />);
    const card = screen.getByTestId('kpi-aiResolutionRate');
    expect(within(card).getByTestId('kpi-value').textContent).toBe('62.0%');
    const trend = within(card).getByTestId('kpi-trend');
    expect(trend.dataset.direction).toBe('up');
    expect(trend.textContent).toContain('▲');
    expect(trend.textContent).toContain('+4.0 pts');
    expect(trend.textContent).toContain('vs previous period');
    expect(card.className).toContain('kpi-card--north-star');
  });

  it('shows a downward trend', () => {
    renderCard(<KpiCard name="satisfaction" kpi={{ value: 3.9, previous: 4.1 }} />);
    const trend = screen.getByTestId('kpi-trend');
    expect(trend.dataset.direction).toBe('down');
    expect(trend.textContent).toContain('▼');
    expect(trend.textContent).toContain('-0.2');
    expect(trend.textContent).toContain('Down');
  });

  it('shows a flat trend when nothing changed', () => {
    renderCard(<KpiCard name="closedToday" kpi={{ value: 280, previous: 280 }} />);
    const trend = screen.getByTestId('kpi-trend');
    expect(trend.dataset.direction).toBe('flat');
    expect(trend.textContent).toContain('No change');
    expect(trend.textContent).toContain('vs yesterday');
  });

  it('shows no trend for the live gauges', () => {
    renderCard(
      <>
        <KpiCard name="pending" kpi={{ value: 7, previous: null }} />
        <KpiCard name="active" kpi={{ value: 42, previous: null }} />
      </>,
    );
    expect(within(screen.getByTestId('kpi-pending')).getByTestId('kpi-value').textContent).toBe('7');
    expect(within(screen.getByTestId('kpi-active')).getByTestId('kpi-value').textContent).toBe('42');
    expect(screen.queryByTestId('kpi-trend')).toBeNull();
  });

  it('shows a dash and no trend when satisfaction was not scored', () => {
    renderCard(<KpiCard name="satisfaction" kpi={{ value: null, previous: 4.1 }} />);
    expect(screen.getByTestId('kpi-value').textContent).toBe('—');
    expect(screen.queryByTestId('kpi-trend')).toBeNull();
  });

  it('speaks Spanish', () => {
    renderCard(<KpiCard name="aiResolutionRate" kpi={{ value: 0.62, previous: 0.58 }} />, 'es');
    expect(screen.getByRole('heading').textContent).toBe('Resolución IA');
    expect(screen.getByTestId('kpi-value').textContent).toBe('62,0\u00a0%');
    expect(screen.getByTestId('kpi-trend').textContent).toContain('vs periodo anterior');
  });
});
