import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SiteFooter } from '../../src/app/site-footer.tsx';
import type { ObjectivesFile } from '../../src/domain/objectives.ts';
import AccessibilityPage from '../../src/features/pages/accessibility-page.tsx';
import ContractPage from '../../src/features/pages/contract-page.tsx';
import SourcesPage from '../../src/features/pages/sources-page.tsx';

const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8')) as ObjectivesFile;
const loader = vi.hoisted(() => ({ loadObjectives: vi.fn() }));
vi.mock('../../src/io/data-loader.ts', () => ({
  DataLoadError: class DataLoadError extends Error {},
  loadObjectives: loader.loadObjectives,
  loadContractFacts: async () => JSON.parse(readFileSync('data/contract.json', 'utf8')),
}));

describe('ContractPage', () => {
  // Expected facts from the raw README §10–§11 (ANCT correspondence table, MEL posts), not from the build.
  it('gives the contract code, QN05980M replacing QP059082 and the posts by year with their caveat', async () => {
    loader.loadObjectives.mockResolvedValue(objectives);
    render(<ContractPage />);
    const section = await screen.findByRole('region', { name: /contrat de la MEL en chiffres/ });
    expect(section.textContent).toContain('CN05911M');
    expect(within(section).getByTestId('contrat-remplace').textContent).toMatch(
      /QN05980M .*remplace QP059082 \(2015/,
    );
    const rows = within(within(section).getByTestId('postes')).getAllByRole('row');
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual([
      'Année',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(rows[1]?.textContent).toContain('253');
    expect(section.textContent).toMatch(/niveau du contrat de ville de la MEL seulement/);
  });

  it('renders the six enjeux and six objectives from data/objectives.json, with links to their actions', async () => {
    loader.loadObjectives.mockResolvedValue(objectives);
    render(<ContractPage />);
    const enjeux = await screen.findByRole('region', { name: /six enjeux/ });
    const enjeuItems = within(enjeux).getAllByRole('listitem');
    expect(enjeuItems).toHaveLength(6);
    expect(enjeuItems[1]?.textContent).toContain('Amplifier la politique d’accès à l’emploi');
    const objectifs = screen.getByRole('region', { name: /six objectifs de Croix/ });
    const items = within(objectifs).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(
      objectives.objectifs.map((objectif) => expect.stringContaining(objectif.libelle)),
    );
    expect(
      within(objectifs)
        .getByRole('link', { name: /Verdissement/ })
        .getAttribute('href'),
    ).toBe('/?objectifs=verdissement');
  });

  it('names the seven streets of the Saint-Pierre extension and the three articles', async () => {
    loader.loadObjectives.mockResolvedValue(objectives);
    render(<ContractPage />);
    const geography = screen.getByRole('region', { name: /nouvelle géographie/ });
    const streets = within(geography)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(streets).toEqual([
      'rue Chevreul',
      'rue Lafargue',
      'rue Saint-Pierre',
      'rue Tonkin',
      'rue Saint-Jacques',
      'rue Blanche',
      'rue Lavoisier',
    ]);
    expect(geography.textContent).toContain('décret n° 2023-1314 du 28 décembre 2023');
    const articles = screen.getByRole('region', { name: /conseil municipal/ });
    expect(within(articles).getAllByRole('listitem')).toHaveLength(3);
    expect(articles.textContent).toContain('voté le 19 avril 2024');
    await screen.findByRole('region', { name: /six enjeux/ });
  });

  it('says so in French when the objectives cannot be loaded', async () => {
    loader.loadObjectives.mockRejectedValue(new Error('réseau'));
    render(<ContractPage />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Les enjeux et les objectifs n’ont pas pu être chargés.',
    );
  });
});

describe('SourcesPage', () => {
  it('shows each licence and attribution, the privacy promise and the legal disclaimer', () => {
    render(<SourcesPage />);
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      '« Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024 »',
    );
    expect(text).toContain('« © les contributeurs d’OpenStreetMap »');
    expect(text).toContain('SIL Open Font License 1.1');
    expect(text).toContain('Aucune donnée ne quitte votre appareil.');
    expect(text).toContain('Seule la réponse de sig.ville.gouv.fr fait foi.');
    expect(screen.getByRole('row', { name: /MapLibre GL JS/ }).textContent).toContain('BSD-3-Clause');
    // File fingerprints come from data/manifest.json.
    expect(text).toMatch(/data\/qpv-2024\.geojson — 1\s584 objets/);
  });
});

describe('AccessibilityPage and SiteFooter', () => {
  it('states partial conformity, the map alternatives and the recourse', () => {
    render(<AccessibilityPage />);
    const status = screen.getByRole('region', { name: 'État de conformité' });
    expect(status.textContent).toContain('partiellement conforme');
    expect(document.body.textContent).toContain('contactez la mairie de Croix');
    expect(screen.getByRole('link', { name: 'www.defenseurdesdroits.fr' }).getAttribute('href')).toBe(
      'https://www.defenseurdesdroits.fr',
    );
  });

  it('links the conformity mention and the sources from the footer', () => {
    render(<SiteFooter />);
    expect(
      screen.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).getAttribute('href'),
    ).toBe('/accessibilite');
    expect(screen.getByRole('link', { name: 'Sources et mentions' }).getAttribute('href')).toBe('/sources');
  });
});
