/**
 * « De quel côté de la rue est votre logement ? » — two large choices under a street-level answer when the QPV
 * outline follows the street's axis (src/domain/side-answer.ts). Each choice is named by its direction and what
 * people see from it (the streets that start on that side); the map draws both sides, in words and colours.
 * Choosing answers for that side; the question stays, so the other side can be chosen too.
 */
import type { AddressCheck } from '../../domain/check-address.ts';
import type { CheckContext } from '../../domain/check-context.ts';
import { answerForSide, type SideCheck, sideQuestion } from '../../domain/side-answer.ts';
import { presentCheck } from './verdict-actions.ts';
import { useVerdict } from './verdict-state.ts';

const STATE_WORDS = { dans: 'dans le QPV', hors: 'hors QPV', mixte: 'en partie dans le QPV' } as const;

export function StreetSideChoice({ ctx, check }: { ctx: CheckContext; check: AddressCheck }) {
  const { query } = useVerdict();
  const question = sideQuestion(ctx, check);
  if (!question) return null;
  const chosen = (check as SideCheck).cote?.id ?? null;
  return (
    <fieldset className="street-side-choice">
      <legend>De quel côté de la rue est votre logement ?</legend>
      <div className="street-side-buttons">
        {question.choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            aria-pressed={chosen === choice.id}
            onClick={() =>
              presentCheck(ctx, answerForSide(check, question, choice.id), 'recherche', query, {
                moveCamera: false,
                keepSharedAddress: true,
              })
            }
          >
            <span className="street-side-label">{choice.label}</span>
            {choice.hint ? <span className="street-side-hint">{choice.hint}</span> : null}
            {question.precise ? (
              <span className="street-side-state">Sur la carte : {STATE_WORDS[choice.status]}</span>
            ) : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
