import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SiteHeader } from '../../src/app/site-header.tsx';
import { navigate } from '../../src/lib/routing.ts';
import { readParam, replaceParams } from '../../src/lib/url-state.ts';

describe('SiteHeader', () => {
  it('marks the current page and navigates in-app without reloading', () => {
    window.history.replaceState(null, '', '/');
    render(<SiteHeader page="carte" />);
    const current = screen.getByRole('link', { name: 'Carte' });
    expect(current.getAttribute('aria-current')).toBe('page');
    const fileLink = screen.getByRole('link', { name: 'Vérifier un fichier' });
    expect(fileLink.getAttribute('aria-current')).toBeNull();
    fireEvent.click(fileLink);
    expect(window.location.pathname).toBe('/verifier-un-fichier');
    navigate('/');
    expect(window.location.pathname).toBe('/');
  });
});

describe('url-state', () => {
  it('sets and removes parameters without touching the others', () => {
    window.history.replaceState(null, '', '/?carte=15/50.68/3.15&couches=qpv,rues');
    replaceParams({ objectifs: 'verdissement,habitat', couches: null });
    expect(readParam('carte')).toBe('15/50.68/3.15');
    expect(readParam('couches')).toBeNull();
    expect(readParam('objectifs')).toBe('verdissement,habitat');
    // Commas and slashes stay readable in a shared link.
    expect(window.location.search).toBe('?carte=15/50.68/3.15&objectifs=verdissement,habitat');
  });
});
