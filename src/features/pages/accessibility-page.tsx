/**
 * Page « Déclaration d’accessibilité », following the structure of the RGAA 4.1 model statement: commitment,
 * conformity status (« partiellement conforme » until a real audit), what is tested and how, non-accessible
 * content and its alternatives, feedback and recourse. No contact detail of the city is invented: residents are
 * sent to the mairie and to the Défenseur des droits.
 */
import type { MouseEvent } from 'react';
import { navigate } from '../../lib/routing.ts';
import './text-pages.css';

const CHECKED_PAGES = [
  { path: '/', label: 'Carte et recherche d’adresse' },
  { path: '/verifier-un-fichier', label: 'Vérifier un fichier' },
  { path: '/contrat-de-ville', label: 'Le Contrat de Ville' },
  { path: '/sources', label: 'Sources et mentions' },
  { path: '/accessibilite', label: 'Déclaration d’accessibilité' },
];

export default function AccessibilityPage() {
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <article className="text-page">
      <h1>Déclaration d’accessibilité</h1>
      <p className="text-page-lead">
        La Ville de Croix s’engage à rendre ses services numériques accessibles, conformément à l’article 47
        de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à Périmètre, la carte du
        Contrat de Ville et des Solidarités 2024-2030.
      </p>

      <section aria-labelledby="etat-titre">
        <h2 id="etat-titre">État de conformité</h2>
        <p>
          Périmètre est <strong>partiellement conforme</strong> au référentiel général d’amélioration de
          l’accessibilité (RGAA), version 4.1, en raison des contenus non accessibles décrits ci-dessous.
          Aucun audit de conformité complet n’a encore été réalisé : cet état sera mis à jour après cet audit.
        </p>
      </section>

      <section aria-labelledby="tests-titre">
        <h2 id="tests-titre">Ce qui est vérifié</h2>
        <p>À chaque nouvelle version, des tests automatiques vérifient, dans le navigateur Chromium :</p>
        <ul>
          <li>
            l’absence d’erreur grave ou critique détectée par l’outil axe-core (règles WCAG 2.1 niveaux A et
            AA), sur chacune des pages listées plus bas, sur grand écran et sur un écran de 320 pixels de
            large ;
          </li>
          <li>l’affichage sans défilement horizontal sur un écran de 320 pixels de large ;</li>
          <li>
            l’usage au clavier : le lien « Aller au contenu » est le premier élément atteint avec la touche
            Tabulation et mène au contenu principal ; l’élément qui a le focus reste visible.
          </li>
        </ul>
        <p>
          Ces tests automatiques ne remplacent pas un audit : ils ne repèrent qu’une partie des problèmes. Les
          tests avec des lecteurs d’écran restent à faire.
        </p>
        <h3>Pages vérifiées</h3>
        <ul>
          {CHECKED_PAGES.map((page) => (
            <li key={page.path}>
              <a href={page.path} onClick={(event) => follow(event, page.path)}>
                {page.label}
              </a>
            </li>
          ))}
        </ul>
        <h3>Technologies utilisées</h3>
        <p>HTML, CSS, JavaScript ; WebGL pour le dessin de la carte.</p>
      </section>

      <section aria-labelledby="non-accessible-titre">
        <h2 id="non-accessible-titre">Contenus non accessibles et solutions de remplacement</h2>
        <h3>Non-conformités</h3>
        <ul>
          <li>
            <strong>La carte</strong> est une image dessinée par le navigateur (WebGL) : un lecteur d’écran ne
            peut pas la lire, et elle ne se manipule que partiellement au clavier. Tout ce qu’elle montre
            existe aussi sous forme de texte : la réponse écrite à une recherche d’adresse (dans le quartier
            prioritaire, hors du quartier, ou en limite), la liste des rues de Saint-Pierre avec leur
            situation, et la liste des actions du contrat avec leurs objectifs.
          </li>
          <li>
            <strong>Les couleurs</strong> de la carte ne sont jamais la seule information : chaque objectif a
            aussi une lettre, et la légende est écrite.
          </li>
        </ul>
        <h3>Dérogations pour charge disproportionnée</h3>
        <p>Aucune.</p>
        <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
        <p>Aucun.</p>
      </section>

      <section aria-labelledby="contact-titre">
        <h2 id="contact-titre">Signaler un problème</h2>
        <p>
          Si vous n’arrivez pas à utiliser un contenu ou un service de Périmètre,{' '}
          <strong>contactez la mairie de Croix</strong> : elle vous orientera vers une solution de
          remplacement ou vous transmettra l’information sous une autre forme.
        </p>
      </section>

      <section aria-labelledby="recours-titre">
        <h2 id="recours-titre">Voies de recours</h2>
        <p>
          Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un
          service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des
          droits :
        </p>
        <ul>
          <li>
            par le formulaire en ligne ou en contactant un délégué près de chez vous : voir le site{' '}
            <a href="https://www.defenseurdesdroits.fr">www.defenseurdesdroits.fr</a> ;
          </li>
          <li>
            par courrier, gratuitement et sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris
            CEDEX 07.
          </li>
        </ul>
      </section>
    </article>
  );
}
