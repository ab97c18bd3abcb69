import type { MouseEvent } from 'react';
import { navigate } from '../lib/routing.ts';
import '../features/pages/text-pages.css';

/**
 * Site footer on every page: the RGAA conformity mention required on the home page (loi 2005-102 art. 47,
 * « Accessibilité : partiellement conforme » until a real audit) and the links to the statement and to the
 * sources, licences and legal notes.
 */
export function SiteFooter() {
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <footer className="site-footer">
      <nav aria-label="Informations sur le site">
        <ul>
          <li>
            <a href="/accessibilite" onClick={(event) => follow(event, '/accessibilite')}>
              Accessibilité : partiellement conforme
            </a>
          </li>
          <li>
            <a href="/sources" onClick={(event) => follow(event, '/sources')}>
              Sources et mentions
            </a>
          </li>
        </ul>
      </nav>
      <p className="site-footer-note">
        Test géométrique indicatif : seule la réponse de{' '}
        <a href="https://sig.ville.gouv.fr" rel="noopener">
          sig.ville.gouv.fr
        </a>{' '}
        fait foi. Aucune donnée ne quitte votre appareil.
      </p>
    </footer>
  );
}
