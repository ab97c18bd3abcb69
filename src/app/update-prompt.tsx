import { useEffect } from 'react';
import { applyUpdate, registerServiceWorker, updateAvailable } from '../io/register-sw.ts';
import { useStore } from '../lib/create-store.ts';
import '../features/pages/text-pages.css';

/**
 * Registers the offline service worker and, when a new version of the site has been deployed, says so in a
 * polite live region with a « Mettre à jour » button (the user decides: a reload could lose a form in progress).
 */
export function UpdatePrompt() {
  const available = useStore(updateAvailable);
  useEffect(() => {
    void registerServiceWorker();
  }, []);
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      {available && (
        <p>
          Une nouvelle version est disponible —{' '}
          <button type="button" onClick={applyUpdate}>
            Mettre à jour
          </button>
        </p>
      )}
    </div>
  );
}
