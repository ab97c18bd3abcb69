/**
 * « Préciser au numéro »: imports the official Base Adresse Nationale file (the Nord's `adresses-59.csv.gz`, or
 * commune files `adresses-<insee>.csv`) into this browser, so that the search, the pin and the file check answer at
 * the house number. Progress bar, cancel, remove; the file is read on the device and sent nowhere.
 */
import { useEffect, useId, useState } from 'react';
import { cancelBanImport, importBan, initBanState, removeBan, useBanState } from './ban-state.ts';
import './ban-import.css';

const BAN_URL = 'https://adresse.data.gouv.fr/donnees-nationales';

const frDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
};
const megabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

export function BanImport() {
  const { phase, error } = useBanState();
  const [open, setOpen] = useState(false);
  useEffect(() => initBanState(), []);
  const importing = phase.kind === 'import';
  const forced = importing || error !== null;
  return (
    <details
      className="ban-import"
      open={open || forced}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        Préciser au numéro
        {phase.kind === 'presente' ? (
          <span className="ban-import-badge"> — Base Adresse Nationale du {frDate(phase.info.date)}</span>
        ) : null}
      </summary>
      {/* Rendered only when open: the page's own file input stays the only one of a closed panel. */}
      {open || forced ? <BanImportBody /> : null}
    </details>
  );
}

function BanImportBody() {
  const { phase, error, notice } = useBanState();
  const id = useId();
  const importing = phase.kind === 'import';
  return (
    <>
      {phase.kind === 'presente' ? (
        <div className="ban-import-present">
          <p data-testid="ban-etat">
            Base Adresse Nationale du {frDate(phase.info.date)} ({phase.info.source}) :{' '}
            {phase.info.rows.toLocaleString('fr-FR')} adresses de {phase.info.communes} commune
            {phase.info.communes > 1 ? 's' : ''}, {megabytes(phase.info.bytes)} sur cet appareil. Les numéros
            sont situés à leur point officiel.
          </p>
          <button type="button" className="button-secondary" onClick={() => void removeBan()}>
            Retirer la base de cet appareil
          </button>
        </div>
      ) : (
        <p>
          Sans base d’adresses, un numéro n’est pas situé : c’est la rue entière qui est prise en compte, et
          une rue qui longe la limite d’un quartier reste « en limite ». Importez le fichier officiel du Nord,{' '}
          <strong>adresses-59.csv.gz</strong>, téléchargé sur{' '}
          <a href={BAN_URL} rel="noreferrer" target="_blank">
            adresse.data.gouv.fr
          </a>{' '}
          (ou le fichier de votre commune, par exemple adresses-59163.csv pour Croix). Il est lu sur cet
          appareil et n’est envoyé nulle part.
        </p>
      )}
      {importing ? (
        <div className="ban-import-progress">
          <label htmlFor={`${id}-barre`}>Import de {phase.name}</label>
          <progress id={`${id}-barre`} max={phase.total || 1} value={phase.bytes} />
          <p aria-live="polite" data-testid="ban-progression">
            {phase.rows.toLocaleString('fr-FR')} adresses lues (
            {phase.total ? Math.floor((phase.bytes / phase.total) * 100) : 0} %)
          </p>
          <button type="button" className="button-secondary" onClick={cancelBanImport}>
            Annuler l’import
          </button>
        </div>
      ) : (
        <p className="ban-import-file">
          <label htmlFor={`${id}-fichier`}>
            {phase.kind === 'presente'
              ? 'Remplacer par un autre fichier de la Base Adresse Nationale'
              : 'Choisir le fichier de la Base Adresse Nationale (.csv ou .csv.gz)'}
          </label>
          <input
            id={`${id}-fichier`}
            type="file"
            accept=".csv,.gz,text/csv,application/gzip"
            multiple
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              importBan(files);
            }}
          />
        </p>
      )}
      {error ? (
        <p className="ban-import-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="ban-import-notice" role="status">
        {notice}
      </p>
    </>
  );
}
