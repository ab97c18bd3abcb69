import { describe, expect, it } from 'vitest';
import { TERRITORY } from '../../src/territory/territory';

// Independent truths: décret n° 2023-1314 (QN05980M and its communes), the COG (INSEE codes), La Poste (59170).
describe('the territory file', () => {
  it('names a 2024-geography QPV and the 2015 QPV it replaces', () => {
    expect(TERRITORY.focusQpv.code).toMatch(/^QN\d{5}[A-Z]$/);
    expect(TERRITORY.focusQpv.replaces).toMatch(/^QP\d{6}$/);
    expect(TERRITORY.focusQpv.code).toBe('QN05980M');
  });

  it('has the focus commune among the QPV communes, with INSEE codes and postcodes of the right shape', () => {
    const codes = TERRITORY.qpvCommunes.map((c) => c.insee);
    expect(codes).toEqual(['59163', '59512', '59599', '59650']);
    expect(codes).toContain(TERRITORY.focusCommune.insee);
    for (const cp of TERRITORY.focusCommune.codesPostaux) expect(cp).toMatch(/^\d{5}$/);
    for (const insee of Object.keys(TERRITORY.communeAliases)) expect(insee).toMatch(/^\d{5}$/);
  });

  it('aliases are lower case words without accents (how normalised queries look)', () => {
    for (const aliases of Object.values(TERRITORY.communeAliases))
      for (const alias of aliases) expect(alias).toMatch(/^[a-z0-9 ]+$/);
  });

  it('points to the legal reference over https and cites the decree', () => {
    expect(TERRITORY.legalReference.url).toMatch(/^https:\/\/sig\.ville\.gouv\.fr\//);
    expect(TERRITORY.geography.decret).toContain(TERRITORY.geography.decretCourt);
  });
});
