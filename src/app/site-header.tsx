import type { MouseEvent } from 'react';
import { navigate, PAGES, type PageId } from '../lib/routing.ts';

/** Site header: name, tagline and the navigation between pages (links, so they work without JS too). */
export function SiteHeader({ page }: { page: PageId }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <header className="site-header">
      <div className="brand">
        <span className="brand-name">Périmètre</span>
        <span className="brand-tagline">Contrat de Ville et des Solidarités 2024-2030 · Croix</span>
      </div>
      <nav aria-label="Navigation principale">
        <ul>
          {PAGES.map((entry) => (
            <li key={entry.id}>
              <a
                href={entry.path}
                aria-current={entry.id === page ? 'page' : undefined}
                onClick={(event) => follow(event, entry.path)}
              >
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
