/**
 * Page « Vérifier un fichier d’adresses »: an association drops its CSV or XLSX of beneficiaries' addresses, maps
 * the columns, and gets, row by row and in total, who lives in a QPV — computed on the device, in a Web Worker.
 * Steps: choose a file → check the columns → progress → results (table, filters, corrections, exports).
 */

import { useEffect, useRef } from 'react';
import { BanImport } from '../ban/ban-import.tsx';
import { cancelVerification, resetBatch, useBatchState } from './batch-state.ts';
import { FileCheckDrop } from './file-check-drop.tsx';
import { FileCheckMapping } from './file-check-mapping.tsx';
import { FileCheckResults } from './file-check-results.tsx';
import './file-check.css';

function PrivacyNote() {
  return (
    <section className="file-check-privacy" aria-labelledby="confidentialite-titre">
      <h2 id="confidentialite-titre">Vos données restent sur votre appareil</h2>
      <ul>
        <li>
          Le fichier n’est jamais envoyé sur Internet : la lecture et la vérification se font dans ce
          navigateur.
        </li>
        <li>
          Rien n’est enregistré : fermer ou recharger la page efface tout. Seuls les exports que vous demandez
          sont enregistrés, sur votre appareil.
        </li>
        <li>
          Ne mettez dans le fichier que ce qui sert à la vérification (les adresses) : pas de noms ni de dates
          de naissance. Utilisez des identifiants neutres (« Bénéficiaire 1 »). Si le fichier en contient, la
          page le signale et vous pouvez retirer ces colonnes de l’export.
        </li>
      </ul>
    </section>
  );
}

function Progress({
  done,
  total,
  loading,
  onCancel,
}: {
  done: number;
  total: number;
  /** The outlines and streets are loading: no row checked yet, the bar is indeterminate. */
  loading: boolean;
  onCancel: () => void;
}) {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return (
    <section className="file-check-progress" aria-labelledby="progression-titre">
      <h2 id="progression-titre">Vérification en cours</h2>
      <label htmlFor="progression-barre" className="visually-hidden">
        Avancement de la vérification
      </label>
      {loading ? (
        <progress id="progression-barre" max={total || 1} />
      ) : (
        <progress id="progression-barre" max={total || 1} value={done} />
      )}
      <p aria-live="polite" aria-atomic="true" data-testid="progression-texte">
        {loading
          ? `Chargement des quartiers et des rues, sur cet appareil… (${total.toLocaleString('fr-FR')} ligne${total > 1 ? 's' : ''} à vérifier)`
          : `${done.toLocaleString('fr-FR')} ligne${done > 1 ? 's' : ''} sur ${total.toLocaleString('fr-FR')} (${percent} %)`}
      </p>
      <button type="button" className="button-secondary" onClick={onCancel}>
        Annuler la vérification
      </button>
    </section>
  );
}

export default function FileCheckPage() {
  const state = useBatchState();
  const { phase } = state;
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state.error]);
  return (
    <div className="text-page file-check-page">
      <h1>Vérifier un fichier d’adresses</h1>
      <p className="file-check-intro">
        Pour le bilan d’une action du Contrat de Ville : combien de vos bénéficiaires habitent un quartier
        prioritaire (QPV) ? Déposez un tableau d’adresses (CSV ou Excel .xlsx) ; chaque ligne reçoit une
        réponse expliquée : <strong>dans</strong> un QPV, <strong>hors</strong> QPV,{' '}
        <strong>en limite</strong> (à confirmer) ou <strong>introuvable</strong>. Test géométrique indicatif :
        seule la réponse de{' '}
        <a href="https://sig.ville.gouv.fr/" rel="noreferrer" target="_blank">
          sig.ville.gouv.fr
        </a>{' '}
        fait foi.
      </p>
      <PrivacyNote />
      <BanImport />
      {state.error && (
        <div className="file-check-error" role="alert" tabIndex={-1} ref={errorRef}>
          {state.error}
        </div>
      )}
      {(phase.kind === 'attente' || phase.kind === 'lecture') && (
        <FileCheckDrop reading={phase.kind === 'lecture' ? phase.name : null} />
      )}
      {phase.kind === 'correspondance' && <FileCheckMapping preview={phase.preview} onReset={resetBatch} />}
      {phase.kind === 'verification' && (
        <Progress
          done={phase.done}
          total={phase.total}
          loading={phase.etape === 'donnees'}
          onCancel={cancelVerification}
        />
      )}
      {phase.kind === 'resultats' && (
        <FileCheckResults phase={phase} correcting={state.correcting} exportNotice={state.exportNotice} />
      )}
    </div>
  );
}
