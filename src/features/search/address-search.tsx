/**
 * « Mon adresse est-elle en QPV ? » — the resident's question, above the map: an autocomplete search box (offline
 * geocoder), « Placer mon logement » on the map and « Utiliser ma position ». The answer is shown over the map
 * (./verdict-sheet.tsx) and announced here. Nothing typed leaves the device; the address goes into the URL only on
 * « Partager ». A shared link (`?adresse=` or `?point=lat,lon`) runs its question once the data is ready.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkAddress, checkMatch, checkPoint } from '../../domain/check-address.ts';
import type { GeocodeMatch } from '../../domain/geocoder.ts';
import { checkPlacedPoint } from '../../domain/side-answer.ts';
import { DEFAULT_UNCERTAINTY_M } from '../../domain/verdict.ts';
import { readParam } from '../../lib/url-state.ts';
import { BanImport } from '../ban/ban-import.tsx';
import { mapModeStore, useMapMode } from '../map/map-mode.ts';
import { holdMapForQuestion } from '../map/map-start.ts';
import { AddressCombobox, type ComboboxOption } from './address-combobox.tsx';
import { decodePoint } from './share-answer.ts';
import { answerPoint, useCheckContext } from './use-check-context.ts';
import { presentCheck } from './verdict-actions.ts';
import { useVerdict } from './verdict-state.ts';
import './address-search.css';

const STATUS_WORDS = {
  dans: 'dans le QPV',
  hors: 'hors QPV',
  limite: 'en limite, à confirmer',
  introuvable: 'adresse non trouvée',
};

const optionId = (m: GeocodeMatch) => `${m.street.id}-${m.numero ?? ''}`;

export function AddressSearch() {
  const { ctx, error } = useCheckContext();
  const verdict = useVerdict();
  const mode = useMapMode();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const sharedQuery = useRef(readParam('adresse'));
  const sharedPoint = useRef(decodePoint(readParam('point')));

  const suggestions = useMemo(
    () => (ctx && query.trim() !== '' ? ctx.geocoder.suggest(query, 8) : []),
    [ctx, query],
  );
  const options: ComboboxOption[] = useMemo(
    () =>
      suggestions.map((m) => ({
        id: optionId(m),
        label: m.label,
        hint: m.precision === 'voie' ? 'rue' : 'adresse',
      })),
    [suggestions],
  );

  const choose = (match: GeocodeMatch) => {
    if (!ctx) return;
    setQuery(match.label);
    // Picked by the user from the list: the reading is confirmed.
    presentCheck(ctx, checkMatch(ctx, { ...match, score: 1 }), 'recherche', match.label);
  };

  const submit = (text: string, fromLink = false) => {
    if (!ctx) {
      setNotice('Les données se chargent encore : réessayez dans un instant.');
      return;
    }
    setNotice(null);
    presentCheck(ctx, checkAddress(ctx, text), 'recherche', text, { keepSharedAddress: fromLink });
  };

  // A shared link (?adresse=… or ?point=lat,lon) runs its question once the data is ready.
  useEffect(() => {
    const point = sharedPoint.current;
    if (ctx && point) {
      sharedPoint.current = null;
      answerPoint(ctx, point, DEFAULT_UNCERTAINTY_M, (ready) =>
        presentCheck(ready, checkPlacedPoint(ready, point), 'carte', null, { keepSharedAddress: true }),
      );
    }
    const shared = sharedQuery.current;
    if (!ctx || !shared) return;
    sharedQuery.current = null;
    setQuery(shared);
    presentCheck(ctx, checkAddress(ctx, shared), 'recherche', shared, { keepSharedAddress: true });
  }, [ctx]);

  // A question asked while the page loads gets its answer before the map's 500 kB (src/features/map/map-start.ts).
  const [inForm, setInForm] = useState(false);
  const waiting = (inForm || query.trim() !== '') && verdict.check === null;
  useEffect(() => holdMapForQuestion(waiting), [waiting]);

  const placing = mode === 'placer-point';
  const togglePlacing = () => mapModeStore.set(placing ? 'navigation' : 'placer-point');

  const locate = () => {
    if (!ctx) return;
    if (!('geolocation' in navigator)) {
      setNotice('Votre navigateur ne donne pas accès à la position de l’appareil.');
      return;
    }
    setNotice('Recherche de votre position…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude, latitude, accuracy } = position.coords;
        const label = `Ma position (précision ± ${Math.round(accuracy)} m)`;
        setNotice(null);
        const uncertainty_m = Math.max(10, accuracy);
        answerPoint(ctx, [longitude, latitude], uncertainty_m, (ready) =>
          presentCheck(
            ready,
            checkPoint(ready, [longitude, latitude], { uncertainty_m, label }),
            'position',
            null,
            { accuracy_m: accuracy },
          ),
        );
      },
      (failure) =>
        setNotice(
          failure.code === failure.PERMISSION_DENIED
            ? 'Vous avez refusé l’accès à votre position : placez votre logement sur la carte ou saisissez l’adresse.'
            : 'Votre position n’a pas pu être déterminée : placez votre logement sur la carte ou saisissez l’adresse.',
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const check = verdict.check;
  return (
    <section className="address-search" aria-labelledby="recherche-adresse-titre">
      <h2 id="recherche-adresse-titre">Mon adresse est-elle en quartier prioritaire ?</h2>
      <search>
        <form
          aria-label="Adresse"
          onFocus={() => setInForm(true)}
          onBlur={(event) => setInForm(event.currentTarget.contains(event.relatedTarget))}
          onSubmit={(event) => {
            event.preventDefault();
            submit(query);
          }}
        >
          <AddressCombobox
            label="Adresse (numéro, rue, commune)"
            inputId="recherche-adresse"
            value={query}
            options={options}
            placeholder="ex. 12 rue Chevreul Croix"
            describedBy="recherche-adresse-aide"
            onInput={setQuery}
            onSubmit={(value) => submit(value)}
            onPick={(option) => {
              const match = suggestions.find((m) => optionId(m) === option.id);
              if (match) choose(match);
            }}
          />
          <p id="recherche-adresse-aide" className="address-search-help">
            Hors connexion : l’adresse reste sur votre appareil.
          </p>
          <button type="submit" className="address-search-submit" disabled={!ctx}>
            Vérifier
          </button>
        </form>
      </search>
      <div className="address-search-tools">
        <button type="button" aria-pressed={placing} onClick={togglePlacing} disabled={!ctx}>
          {placing ? 'Annuler le placement' : 'Placer mon logement sur la carte'}
        </button>
        <button type="button" onClick={locate} disabled={!ctx}>
          Utiliser ma position
        </button>
      </div>
      <p className="address-search-geoloc-note">
        « Utiliser ma position » : la position reste sur cet appareil.
      </p>
      <BanImport />
      {error ? (
        <p className="address-search-error" role="alert">
          {error}
        </p>
      ) : null}
      {!ctx && !error ? (
        <p className="address-search-loading">Chargement des rues et des quartiers…</p>
      ) : null}
      <p className="address-search-notice" role="status">
        {notice}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {check
          ? `Résultat : ${STATUS_WORDS[check.status]}${check.qpv && check.status === 'dans' ? `, ${check.qpv.nom}` : ''}.`
          : ''}
      </p>
    </section>
  );
}
