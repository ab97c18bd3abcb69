/**
 * Files of the actions: export the drafts as GeoJSON, import a GeoJSON file (checked feature by feature,
 * good ones kept, bad ones listed with their number and reason, drafts untouched by a failed import), and
 * « Proposer à la ville »: a GeoJSON file to send by e-mail, with what to do with it. Nothing is sent from here.
 */
import { type ChangeEvent, useRef, useState } from 'react';
import {
  draftsCapacityError,
  exportFileName,
  type ImportProblem,
  listedProblems,
  MAX_IMPORT_BYTES,
  parseActionsFile,
  serializeActions,
} from '../../domain/actions/import-export.ts';
import type { ActionFeature } from '../../domain/actions/model.ts';
import { downloadBlob } from '../../io/download.ts';
import { newActionId } from './action-editor.tsx';
import { isoToday } from './actions-png-export.ts';
import { importDrafts } from './actions-state.ts';

type Report =
  | { kind: 'aucun' }
  | { kind: 'erreur'; message: string }
  | { kind: 'import'; fileName: string; imported: number; replaced: number; problems: ImportProblem[] }
  | { kind: 'proposition'; fileName: string; count: number; examples: number };

const MIME = 'application/geo+json';

/** The first problems one by one, then how many more (a bad file of 500 features stays readable). */
function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  const { listed, others } = listedProblems(problems);
  return (
    <>
      <ul className="actions-report-problems">
        {listed.map((problem) => (
          <li key={problem.numero}>
            Action n° {problem.numero} : {problem.reason}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <p>
          … et {others} autre{others > 1 ? 's' : ''} action{others > 1 ? 's' : ''} ignorée
          {others > 1 ? 's' : ''}, non détaillée{others > 1 ? 's' : ''} ici : corrigez les premières puis
          importez à nouveau le fichier.
        </p>
      ) : null}
    </>
  );
}

export function ActionsFiles({ drafts }: { drafts: readonly ActionFeature[] }) {
  const [report, setReport] = useState<Report>({ kind: 'aucun' });
  const input = useRef<HTMLInputElement>(null);

  const exportDrafts = () => {
    const fileName = exportFileName('export', isoToday());
    downloadBlob(new Blob([serializeActions(drafts)], { type: MIME }), fileName);
  };

  const propose = () => {
    const real = drafts.filter((action) => !action.properties.exemple);
    const fileName = exportFileName('proposition', isoToday());
    downloadBlob(new Blob([serializeActions(real)], { type: MIME }), fileName);
    setReport({ kind: 'proposition', fileName, count: real.length, examples: drafts.length - real.length });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text = '';
    try {
      // The size is checked before reading, so a huge file is never loaded in memory.
      text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
    } catch {
      setReport({ kind: 'erreur', message: 'Le fichier n’a pas pu être lu. Rien n’a été importé.' });
      return;
    }
    const result = parseActionsFile(text, file.size, newActionId);
    if (!result.ok) {
      setReport({ kind: 'erreur', message: `${file.name} : ${result.error}` });
      return;
    }
    const full = draftsCapacityError(drafts, result.features);
    if (full) {
      setReport({ kind: 'erreur', message: `${file.name} : ${full}` });
      return;
    }
    const existing = new Set(drafts.map((action) => action.properties.id));
    const replaced = result.features.filter((action) => existing.has(action.properties.id)).length;
    if (result.features.length > 0) await importDrafts(result.features);
    setReport({
      kind: 'import',
      fileName: file.name,
      imported: result.features.length,
      replaced,
      problems: result.problems,
    });
  };

  return (
    <details className="actions-subsection">
      <summary>Importer, exporter, proposer à la ville</summary>
      <p className="actions-note">
        Vos brouillons ({drafts.length}) restent dans ce navigateur. Exportez-les pour les garder ou les
        partager.
      </p>
      <div className="actions-buttons">
        <button type="button" onClick={exportDrafts} disabled={drafts.length === 0}>
          Exporter mes brouillons (GeoJSON)
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          Importer un fichier GeoJSON
        </button>
        <input
          ref={input}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="actions-import-input"
          onChange={(event) => void importFile(event)}
        />
        <button type="button" onClick={propose} disabled={drafts.length === 0}>
          Proposer à la ville
        </button>
      </div>
      <div role="status" aria-live="polite" className="actions-report">
        {report.kind === 'erreur' ? <p className="actions-report-error">{report.message}</p> : null}
        {report.kind === 'import' ? (
          <>
            <p>
              {report.fileName} : {report.imported} action{report.imported > 1 ? 's' : ''} importée
              {report.imported > 1 ? 's' : ''} dans vos brouillons
              {report.problems.length > 0
                ? `, ${report.problems.length} ignorée${report.problems.length > 1 ? 's' : ''} :`
                : '.'}
            </p>
            {report.replaced > 0 ? (
              <p>
                {report.replaced} d’entre elles avaient le même identifiant qu’un brouillon, qui a été
                remplacé par la version du fichier.
              </p>
            ) : null}
            {report.problems.length > 0 ? <ProblemList problems={report.problems} /> : null}
          </>
        ) : null}
        {report.kind === 'proposition' ? (
          <>
            <p>
              Le fichier {report.fileName} ({report.count} action{report.count > 1 ? 's' : ''}) est dans vos
              téléchargements.
              {report.examples > 0 ? ` Les ${report.examples} exemple(s) fictif(s) n’y sont pas.` : ''}
            </p>
            <p>
              Pour proposer ces actions, joignez ce fichier à un courriel adressé au service Politique de la
              ville de la mairie de Croix, en indiquant le nom de votre structure et une personne à contacter.
              La ville les étudiera avant de les ajouter, ou non, à la carte publique. Rien n’a été envoyé
              depuis cette page.
            </p>
          </>
        ) : null}
      </div>
    </details>
  );
}
