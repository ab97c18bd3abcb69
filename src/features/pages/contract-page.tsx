/**
 * Page « Le Contrat de Ville et des Solidarités 2024-2030 »: what the contract is, its new geography and the
 * Saint-Pierre extension, the six MEL enjeux and the six Croix objectives, and the articles submitted to the
 * council. Every fact comes from the council deliberation (../shared/seeds/); the enjeux and objectives are read
 * from data/objectives.json (same file as the map's actions filters), never copied here. Other context is in
 * a separate, labelled block.
 */
import { type MouseEvent, useEffect, useState } from 'react';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { DataLoadError, loadObjectives } from '../../io/data-loader.ts';
import { navigate } from '../../lib/routing.ts';
import { ContractFactsSection } from './contract-facts.tsx';
import '../planning/planning-panel.css';
import './text-pages.css';

/** The streets named by the deliberation, in its order (the map and the street list show their exact status). */
const EXTENDED_STREETS = [
  'Chevreul',
  'Lafargue',
  'Saint-Pierre',
  'Tonkin',
  'Saint-Jacques',
  'Blanche',
  'Lavoisier',
] as const;

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; file: ObjectivesFile }
  | { state: 'error'; message: string };

function InternalLink({ href, children }: { href: string; children: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    // The query (e.g. `?objectifs=verdissement`) is the actions panel's permalink filter: keep it.
    navigate(href);
  };
  return (
    <a href={href} onClick={follow}>
      {children}
    </a>
  );
}

function Axes({ loaded }: { loaded: Loaded }) {
  if (loaded.state === 'loading') return <p className="loading">Chargement des enjeux et des objectifs…</p>;
  if (loaded.state === 'error') {
    return (
      <p className="text-page-error" role="alert">
        {loaded.message}
      </p>
    );
  }
  const { enjeux, objectifs } = loaded.file;
  return (
    <>
      <section aria-labelledby="enjeux-titre">
        <h2 id="enjeux-titre">Les six enjeux de la Métropole Européenne de Lille</h2>
        <p>
          Le 19 avril 2024, le Conseil métropolitain a défini six enjeux à l’échelle des quartiers
          prioritaires :
        </p>
        <ol className="axis-list">
          {enjeux.map((enjeu) => (
            <li key={enjeu.id}>
              <span className="axis-number">Enjeu n° {enjeu.numero}</span> {enjeu.libelle}.{' '}
              <InternalLink
                href={`/?enjeux=${enjeu.id}`}
              >{`Actions liées à l’enjeu n° ${enjeu.numero}`}</InternalLink>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="objectifs-titre">
        <h2 id="objectifs-titre">Les six objectifs de Croix</h2>
        <p>
          Ces enjeux, un diagnostic du territoire et le bilan des actions menées entre 2015 et 2023 ont permis
          de dégager des objectifs stratégiques, développés dans le Volet Territorial croisien du contrat pour
          2024-2030 :
        </p>
        <ol className="axis-list">
          {objectifs.map((objectif) => (
            <li key={objectif.id}>
              <span className="axis-symbol" aria-hidden="true" style={{ borderColor: objectif.couleur }}>
                {objectif.symbole}
              </span>{' '}
              {objectif.libelle}.{' '}
              <InternalLink href={`/?objectifs=${objectif.id}`}>
                {`Actions « ${objectif.libelle_court} »`}
              </InternalLink>
            </li>
          ))}
        </ol>
        <p className="text-page-note">
          La lettre devant chaque objectif est celle qui marque ses actions sur la carte.
        </p>
      </section>
    </>
  );
}

export default function ContractPage() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    loadObjectives().then(
      (file) => live && setLoaded({ state: 'ready', file }),
      (error: unknown) =>
        live &&
        setLoaded({
          state: 'error',
          message:
            error instanceof DataLoadError
              ? error.message
              : 'Les enjeux et les objectifs n’ont pas pu être chargés.',
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <article className="text-page">
      <h1>Le Contrat de Ville et des Solidarités 2024-2030</h1>
      <p className="text-page-lead">
        Les Contrats de Ville sont l’outil de référence de la politique de la ville. À Croix, le contrat pour
        2024-2030 concerne le quartier prioritaire de Saint-Pierre.
      </p>
      <p>
        <InternalLink href="/">Vérifier une adresse sur la carte</InternalLink> ·{' '}
        <InternalLink href="/">Voir la liste des rues et des actions</InternalLink>
      </p>

      <section aria-labelledby="pourquoi-titre">
        <h2 id="pourquoi-titre">Un nouveau contrat pour 2024-2030</h2>
        <p>
          Les Contrats de Ville sont arrivés à échéance le 31 décembre 2023 : le Volet Territorial du Contrat
          de Ville croisien 2015-2023 a pris fin. Les contrats sont renouvelés pour la période 2024-2030.
        </p>
        <p>
          En parallèle, le Pacte national des solidarités 2024-2027 se décline sur les territoires par des
          pactes et des contrats locaux des solidarités, conclus avec les départements et les métropoles.
        </p>
      </section>

      <section aria-labelledby="fusion-titre">
        <h2 id="fusion-titre">Ville et solidarités : un seul contrat</h2>
        <p>
          Pour lutter contre la pauvreté avec un projet de territoire qui coordonne l’action menée pour les
          habitants des quartiers prioritaires, le comité de pilotage du Contrat de Ville de la Métropole
          Européenne de Lille (MEL) a acté, le 30 mai 2023, la fusion du Contrat de Ville et de l’outil
          contractuel local du Pacte des Solidarités.
        </p>
        <p>
          Cette fusion donne un document unique, le « Contrat de Ville et des Solidarités » (CVS), qui vise à
          rendre l’action de la MEL contre la pauvreté plus lisible et plus efficace. Il mobilise en priorité
          les crédits de droit commun de l’ensemble des partenaires.
        </p>
      </section>

      <section aria-labelledby="geographie-titre">
        <h2 id="geographie-titre">Une nouvelle géographie prioritaire</h2>
        <p>
          Le contrat intègre la nouvelle liste des quartiers prioritaires fixée par le décret n° 2023-1314 du
          28 décembre 2023, qui modifie la liste et le périmètre des 26 quartiers prioritaires de la
          Métropole. Parmi eux, le quartier intercommunal Roubaix-Tourcoing Blanc Seau – Croix Bas
          Saint-Pierre – Wattrelos Nord a été agrandi.
        </p>
        <p>
          À Croix, le nouveau périmètre du quartier prioritaire de Saint-Pierre s’étend aux rues suivantes :
        </p>
        <ul className="street-names">
          {EXTENDED_STREETS.map((street) => (
            <li key={street}>rue {street}</li>
          ))}
        </ul>
        <p>
          Certaines de ces rues forment elles-mêmes la limite du quartier : selon le côté de la rue et le
          numéro, une adresse peut se trouver dedans ou dehors. La carte l’indique rue par rue ;{' '}
          <strong>seule la réponse de sig.ville.gouv.fr fait foi</strong>.
        </p>
        <p>
          <InternalLink href="/">Voir ces rues sur la carte et dans la liste</InternalLink>
        </p>
      </section>

      <Axes loaded={loaded} />
      <ContractFactsSection />

      <section aria-labelledby="deliberation-titre">
        <h2 id="deliberation-titre">Ce qui est proposé au conseil municipal</h2>
        <p>
          La délibération « Politique de la Ville — Volet Territorial du Contrat de Ville et des Solidarités
          2024-2030 » propose au conseil municipal :
        </p>
        <ol className="articles">
          <li>
            <strong>Article 1</strong> : de prendre acte du Contrat de Ville et des Solidarités métropolitain,
            voté le 19 avril 2024 ;
          </li>
          <li>
            <strong>Article 2</strong> : d’adopter le Volet Territorial de la commune du Contrat de Ville et
            des Solidarités pour la période 2024-2030 ;
          </li>
          <li>
            <strong>Article 3</strong> : d’autoriser Monsieur le Maire à signer tout document et acte relatifs
            à l’exécution de la délibération.
          </li>
        </ol>
      </section>

      <aside className="text-page-context" aria-labelledby="contexte-titre">
        <h2 id="contexte-titre">Pour situer (informations hors délibération)</h2>
        <ul>
          <li>
            Selon la Métropole Européenne de Lille, le contrat métropolitain adopté le 19 avril 2024 a été
            signé le 7 mai 2024.
          </li>
          <li>
            Le code national du quartier Roubaix-Tourcoing Blanc Seau – Croix Bas Saint-Pierre – Wattrelos
            Nord est QN05980M (données de l’ANCT).
          </li>
          <li>
            Un « quartier de veille » est un secteur où les partenaires maintiennent une attention
            particulière sans qu’il soit un quartier prioritaire ; la Ville de Croix en mentionne un. Il n’est
            pas confondu avec le quartier prioritaire dans cette application.
          </li>
        </ul>
      </aside>
    </article>
  );
}
