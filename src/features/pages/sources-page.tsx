/**
 * Page « Sources et mentions »: every dataset with its producer, licence and attribution (src/domain/sources.ts,
 * joined at build time to data/manifest.json for dates and file fingerprints), privacy, the legal disclaimer,
 * and the libraries with their licences.
 */
import manifestJson from '../../../data/manifest.json';
import { type DescribedDataset, describeDatasets, parseManifest } from '../../domain/data-manifest.ts';
import { LIBRARIES } from '../../domain/libraries.ts';
import './text-pages.css';

const manifest = parseManifest(manifestJson as unknown);
const { datasets } = describeDatasets(manifest);

const number = new Intl.NumberFormat('fr-FR');

function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function DatasetEntry({ dataset }: { dataset: DescribedDataset }) {
  const dates = [...new Set(dataset.sources.map((source) => source.date))].sort();
  return (
    <section className="dataset" aria-labelledby={`jeu-${dataset.id}`}>
      <h3 id={`jeu-${dataset.id}`}>{dataset.titre}</h3>
      <p>{dataset.usage}</p>
      <dl className="dataset-facts">
        <dt>Producteur</dt>
        <dd>{dataset.producteur}</dd>
        <dt>Licence</dt>
        <dd>{dataset.licenceUrl ? <a href={dataset.licenceUrl}>{dataset.licence}</a> : dataset.licence}</dd>
        <dt>Mention à reprendre</dt>
        <dd>« {dataset.attribution} »</dd>
        {dates.length > 0 && (
          <>
            <dt>Date des copies utilisées</dt>
            <dd>{dates.map(formatDate).join(', ')}</dd>
          </>
        )}
      </dl>
      <ul>
        {dataset.details.map((detail) => (
          <li key={detail}>{detail}</li>
        ))}
      </ul>
      {dataset.outputs.length > 0 && (
        <details>
          <summary>Fichiers de l’application ({dataset.outputs.length})</summary>
          <ul className="file-list">
            {dataset.outputs.map((output) => (
              <li key={output.path}>
                <code>{output.path}</code>
                {output.features !== null && ` — ${number.format(output.features)} objets`}
                {' — empreinte '}
                <code title={`SHA-256 ${output.sha256}`}>{output.sha256.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export default function SourcesPage() {
  return (
    <article className="text-page">
      <h1>Sources et mentions</h1>
      <p className="text-page-lead">
        D’où viennent les données de Périmètre, sous quelle licence, et ce que l’application fait (et ne fait
        pas) de vos informations.
      </p>

      <section aria-labelledby="avertissement-titre" className="text-page-warning">
        <h2 id="avertissement-titre">Une réponse indicative</h2>
        <p>
          Le résultat « dans le QPV », « hors QPV » ou « en limite » est un{' '}
          <strong>test géométrique indicatif</strong> : il compare la position de l’adresse aux contours
          publiés par l’ANCT. Il ne constitue pas une attestation.{' '}
          <strong>
            Seule la réponse de <a href="https://sig.ville.gouv.fr">sig.ville.gouv.fr</a> fait foi.
          </strong>
        </p>
        {manifest && (
          <p>
            Géographie utilisée : {manifest.geography.nom}, {manifest.geography.texte}.
          </p>
        )}
      </section>

      <section aria-labelledby="vie-privee-titre">
        <h2 id="vie-privee-titre">Vos données restent chez vous</h2>
        <ul>
          <li>
            <strong>Aucune donnée ne quitte votre appareil.</strong> Les adresses que vous tapez et les
            fichiers que vous chargez sont traités dans votre navigateur ; ils ne sont envoyés à aucun
            serveur.
          </li>
          <li>Pas de cookie, pas de mesure d’audience, pas de publicité.</li>
          <li>
            La carte, les données et la police de caractères sont servies par le site lui-même : aucune
            requête n’est faite à un autre site. Après une première visite, l’application fonctionne aussi
            sans connexion.
          </li>
        </ul>
      </section>

      <section aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">Les données</h2>
        {datasets.map((dataset) => (
          <DatasetEntry key={dataset.id} dataset={dataset} />
        ))}
      </section>

      <section aria-labelledby="logiciels-titre">
        <h2 id="logiciels-titre">Les logiciels</h2>
        <p>
          Périmètre est un logiciel libre (licence MIT). Il s’appuie sur les bibliothèques libres suivantes :
        </p>
        <table className="library-table">
          <caption className="visually-hidden">Bibliothèques utilisées et leurs licences</caption>
          <thead>
            <tr>
              <th scope="col">Bibliothèque</th>
              <th scope="col">Rôle</th>
              <th scope="col">Licence</th>
            </tr>
          </thead>
          <tbody>
            {LIBRARIES.map((library) => (
              <tr key={library.name}>
                <th scope="row">{library.name}</th>
                <td>{library.role}</td>
                <td>{library.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
