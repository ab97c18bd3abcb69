/**
 * The answer in words, read line by line: the state (with an icon and a word, never colour alone) and the QPV, what
 * was understood, one sentence of reason, then « Pourquoi ? » (how the position was found, the tolerance band, the
 * full reason, the geography and its decree), the caveat and the link to sig.ville.gouv.fr, the legal reference.
 */
import { useEffect, useState } from 'react';
import { type AddressCheck, DISCLAIMER, GEOGRAPHY, SIG_VILLE_URL } from '../../domain/check-address.ts';
import type { GeocodeMatch } from '../../domain/geocoder.ts';
import { type AnswerSource, plainAnswer, type StreetParts } from '../../domain/plain-answer.ts';
import { loadSaintPierreStreets } from '../../io/data-loader.ts';
import './verdict-card.css';

const TITLE = {
  dans: 'Dans le QPV',
  hors: 'Hors QPV',
  limite: 'En limite — à confirmer',
  introuvable: 'Adresse non trouvée',
} as const;

const ICON = { dans: '✔', hors: '✖', limite: '⚠', introuvable: '?' } as const;

export interface VerdictCardProps {
  check: AddressCheck;
  origin?: AnswerSource;
  /** Accuracy (m) of a device position. */
  accuracy_m?: number | null;
  onChoose?(match: GeocodeMatch): void;
  onPlace?(): void;
  /** Extra content after the reason (the side-of-the-street question). */
  children?: React.ReactNode;
}

/** Measured parts of the extended Saint-Pierre streets (the street list's figures), by « nom|insee ». */
function useStreetParts(check: AddressCheck): StreetParts | null {
  const [parts, setParts] = useState<Map<string, StreetParts> | null>(null);
  useEffect(() => {
    let alive = true;
    loadSaintPierreStreets().then(
      (streets) =>
        alive &&
        setParts(
          new Map(streets.features.map((f) => [`${f.properties.nom}|${f.properties.insee}`, f.properties])),
        ),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  if (!parts || !check.street || check.precision !== 'voie') return null;
  return parts.get(`${check.street.nom}|${check.street.insee}`) ?? null;
}

export function VerdictCard({
  check,
  origin = null,
  accuracy_m,
  onChoose,
  onPlace,
  children,
}: VerdictCardProps) {
  const { status } = check;
  const parts = useStreetParts(check);
  const plain = plainAnswer(check, origin, { accuracy_m, parts });
  // Several communes or near misses: the question is « which one? », not « not found ».
  const choosing = status === 'introuvable' && (check.candidates?.length ?? 0) > 0;
  return (
    <article className={`verdict-card verdict-${status}`} aria-labelledby="verdict-titre">
      <h3 id="verdict-titre" className="verdict-title">
        <span aria-hidden="true" className="verdict-icon">
          {choosing ? '…' : ICON[status]}
        </span>{' '}
        {choosing ? 'Précisez l’adresse' : TITLE[status]}
        {status === 'dans' && check.qpv ? (
          <span className="verdict-qpv">
            {' '}
            {check.qpv.nom} ({check.qpv.code})
          </span>
        ) : null}
      </h3>
      <p className="verdict-label">{check.label}</p>
      <p className="verdict-motif">{plain.reason}</p>
      {children}
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
      {((status === 'limite' && check.precision === 'voie') || check.offrePoint) && onPlace ? (
        <button type="button" className="verdict-place" onClick={onPlace}>
          Placer mon logement sur la carte
        </button>
      ) : null}
      {status !== 'introuvable' ? (
        <details className="verdict-why">
          <summary>Pourquoi ?</summary>
          {plain.details.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>
            Géographie {GEOGRAPHY.nom} ({GEOGRAPHY.decret}).
          </p>
        </details>
      ) : null}
      <p className="verdict-stamp">
        {DISCLAIMER}{' '}
        <a href={SIG_VILLE_URL} target="_blank" rel="noopener noreferrer">
          Vérifier sur sig.ville.gouv.fr<span className="visually-hidden"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </article>
  );
}
