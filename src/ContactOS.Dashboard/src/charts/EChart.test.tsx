import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../i18n/LanguageContext';
import { EChart } from './EChart';

// The chart library is a chunk of its own, loaded when the page starts; here it cannot be loaded (a network error).
vi.mock('./echarts', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

describe('EChart', () => {
  it('says in the panel that the chart could not be loaded when the chart library cannot be', async () => {
    render(
      <LanguageProvider initialLanguage="es">
        <EChart option={{}} ariaLabel="Volumen" testId="chart-volume" />
      </LanguageProvider>,
    );

    expect(await screen.findByText('No se pudo cargar este panel.')).toBeTruthy();
    expect(screen.getByTestId('chart-volume').getAttribute('data-rendered')).toBeNull();
  });
});
