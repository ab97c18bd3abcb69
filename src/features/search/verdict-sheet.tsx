/**
 * The answer over the map: a bottom sheet on phones, a card in the corner on wide screens, so that the answer and
 * the map (pin, outline, street) are seen together. It comes before the map in the tab order (right after the
 * search), brings the map into view when an answer arrives, can be reduced to its title to see more of the map,
 * and carries « Partager » for every answer (address, pin, device position).
 */
import { useEffect, useState } from 'react';
import { checkMatch } from '../../domain/check-address.ts';
import type { GeocodeMatch } from '../../domain/geocoder.ts';
import { bringMapIntoView } from '../map/map-into-view.ts';
import { mapModeStore } from '../map/map-mode.ts';
import { shareAnswer } from './share-answer.ts';
import { StreetSideChoice } from './street-side-choice.tsx';
import { useCheckContext } from './use-check-context.ts';
import { presentCheck } from './verdict-actions.ts';
import { VerdictCard } from './verdict-card.tsx';
import { clearVerdict, useVerdict } from './verdict-state.ts';
import './verdict-sheet.css';

export function VerdictSheet() {
  const verdict = useVerdict();
  const { ctx } = useCheckContext();
  const [reduced, setReduced] = useState(false);
  const [notice, setNotice] = useState('');
  const check = verdict.check;

  // A new answer: shown in full, with the map in view.
  useEffect(() => {
    if (!check) return;
    setReduced(false);
    setNotice('');
    bringMapIntoView();
  }, [check]);

  if (!check) return null;

  const choose = (match: GeocodeMatch) => {
    if (ctx) presentCheck(ctx, checkMatch(ctx, { ...match, score: 1 }), 'recherche', match.label);
  };
  const canShare = check.status !== 'introuvable' && check.lon !== null;

  return (
    <section
      className={`verdict-sheet${reduced ? ' verdict-sheet-reduced' : ''}`}
      aria-label="Réponse"
      data-status={check.status}
    >
      <div className="verdict-sheet-tools">
        {canShare ? (
          <button type="button" onClick={() => void shareAnswer(verdict).then(setNotice)}>
            Partager
          </button>
        ) : null}
        <button type="button" aria-expanded={!reduced} onClick={() => setReduced(!reduced)}>
          {reduced ? 'Afficher la réponse' : 'Réduire'}
        </button>
        <button type="button" onClick={clearVerdict}>
          Fermer<span className="visually-hidden"> la réponse</span>
        </button>
      </div>
      <VerdictCard
        check={check}
        origin={verdict.origin}
        accuracy_m={verdict.accuracy_m}
        onChoose={choose}
        onPlace={() => mapModeStore.set('placer-point')}
      >
        {ctx ? <StreetSideChoice ctx={ctx} check={check} /> : null}
      </VerdictCard>
      <p className="verdict-sheet-notice" role="status">
        {notice}
      </p>
    </section>
  );
}
