/**
 * The answer in words: state (with an icon and a word, never colour alone), the QPV, the precision of the
 * position, the reason, the geography stamp, the caveat and the link to sig.ville.gouv.fr, the legal reference.
 */
import { type AddressCheck, DISCLAIMER, GEOGRAPHY, SIG_VILLE_URL } from '../domain/check-address.ts';
import type { GeocodeMatch } from '../domain/geocoder.ts';
import './verdict-card.css';

const TITLE = {
  dans: 'Dans le QPV',
  hors: 'Hors QPV',
  limite: 'En limite — à confirmer',
  introuvable: 'Adresse non trouvée',
} as const;

const ICON = { dans: '✔', hors: '✖', limite: '⚠', introuvable: '?' } as const;

const PRECISION = {
  adresse: 'position de l’adresse (Base Adresse Nationale)',
  'adresse interpolée': 'numéro interpolé entre deux adresses de la Base Adresse Nationale',
  voie: 'rue entière (sans numéro localisé)',
  'point placé': 'point placé sur la carte',
} as const;

export interface VerdictCardProps {
  check: AddressCheck;
  onChoose?(match: GeocodeMatch): void;
  onPlace?(): void;
}

export function VerdictCard({ check, onChoose, onPlace }: VerdictCardProps) {
  const { status } = check;
  return (
    <article className={`verdict-card verdict-${status}`} aria-labelledby="verdict-titre">
      <h3 id="verdict-titre" className="verdict-title">
        <span aria-hidden="true" className="verdict-icon">
          {ICON[status]}
        </span>{' '}
        {TITLE[status]}
        {status === 'dans' && check.qpv ? (
          <span className="verdict-qpv">
            {' '}
            {check.qpv.nom} ({check.qpv.code})
          </span>
        ) : null}
      </h3>
      <p className="verdict-label">{check.label}</p>
      {check.precision ? (
        <p className="verdict-precision">
          Précision : {PRECISION[check.precision]}
          {check.band_m !== undefined
            ? `, marge de ${check.band_m.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} m`
            : ''}
        </p>
      ) : null}
      <p className="verdict-motif">{check.motif}</p>
      {check.candidates && check.candidates.length > 0 && onChoose ? (
        <div className="verdict-choices">
          <p id="verdict-choix">Choisissez :</p>
          <ul aria-labelledby="verdict-choix">
            {check.candidates.map((candidate) => (
              <li key={`${candidate.street.id}-${candidate.numero ?? ''}`}>
                <button type="button" className="verdict-choice" onClick={() => onChoose(candidate)}>
                  {candidate.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status === 'limite' && check.precision === 'voie' && onPlace ? (
        <button type="button" className="verdict-place" onClick={onPlace}>
          Placer mon logement sur la carte
        </button>
      ) : null}
      <p className="verdict-stamp">
        Géographie {GEOGRAPHY.nom} ({GEOGRAPHY.decret}). {DISCLAIMER}{' '}
        <a href={SIG_VILLE_URL} target="_blank" rel="noopener noreferrer">
          Vérifier sur sig.ville.gouv.fr<span className="visually-hidden"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </article>
  );
}
