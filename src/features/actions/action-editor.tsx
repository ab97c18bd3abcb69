/**
 * The associations' editor: choose what to draw (a point, a line, a zone), draw it on the map (ActionsDraw
 * does the map side), then fill the form; the action is saved as a draft in this browser. A point can also
 * be placed at the map centre, for people who do not use a pointer.
 */
import { useEffect, useRef, useState } from 'react';
import type { ActionFeature, ActionGeometryType } from '../../domain/actions/model.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { mapController } from '../map/map-controller.ts';
import { ActionForm } from './action-form.tsx';
import { editorStore, saveDraft, selectedActionStore, useDrafts, useEditor } from './actions-state.ts';

const INSTRUCTIONS: Record<ActionGeometryType, string> = {
  Point: 'Cliquez sur la carte à l’endroit de l’action.',
  LineString:
    'Cliquez sur la carte pour chaque point de la ligne, puis cliquez à nouveau sur le dernier point pour terminer.',
  Polygon:
    'Cliquez sur la carte pour chaque coin de la zone, puis cliquez sur le premier point pour la fermer.',
};

/** A new draft id: random, ASCII, and prefixed so that drafts are recognisable in an exported file. */
export function newActionId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `brouillon-${random}`;
}

export function ActionEditor({ objectives }: { objectives: ObjectivesFile }) {
  const editor = useEditor();
  const { drafts } = useDrafts();
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');

  // Move focus to the form once the drawing is finished (the pointer was on the map).
  useEffect(() => {
    if (editor.step === 'formulaire') heading.current?.focus();
  }, [editor.step]);

  const start = (geometryType: ActionGeometryType, editingId: string | null = null) =>
    editorStore.set({ step: 'dessin', geometryType, editingId });
  const close = () => editorStore.set({ step: 'ferme' });

  if (editor.step === 'ferme') {
    return (
      <section className="actions-editor" aria-labelledby="actions-editor-titre">
        <h3 id="actions-editor-titre">Ajouter une action</h3>
        <p className="actions-note">
          Votre action reste un brouillon dans ce navigateur, jusqu’à ce que vous la proposiez à la ville.
        </p>
        <div className="actions-buttons">
          <button type="button" onClick={() => start('Point')}>
            Un point
          </button>
          <button type="button" onClick={() => start('LineString')}>
            Une ligne (rue)
          </button>
          <button type="button" onClick={() => start('Polygon')}>
            Une zone
          </button>
        </div>
      </section>
    );
  }

  if (editor.step === 'dessin') {
    const placeAtCentre = () => {
      const centre = mapController.center();
      if (!centre) {
        setNotice('La carte n’est pas encore prête : réessayez dans un instant.');
        return;
      }
      setNotice('');
      if (centre)
        editorStore.set({
          step: 'formulaire',
          geometry: { type: 'Point', coordinates: centre },
          editingId: editor.editingId,
        });
    };
    return (
      <section className="actions-editor" aria-labelledby="actions-editor-titre">
        <h3 id="actions-editor-titre">Dessiner l’action</h3>
        <p role="status" className="actions-drawing-status">
          {INSTRUCTIONS[editor.geometryType]} Échap pour annuler. {notice}
        </p>
        <div className="actions-buttons">
          {editor.geometryType === 'Point' ? (
            <button type="button" onClick={placeAtCentre}>
              Placer au centre de la carte
            </button>
          ) : null}
          <button type="button" onClick={close}>
            Annuler
          </button>
        </div>
      </section>
    );
  }

  const initial = editor.editingId
    ? drafts.find((draft) => draft.properties.id === editor.editingId)
    : undefined;
  const save = (action: ActionFeature) => {
    void saveDraft(action);
    selectedActionStore.set(action.properties.id);
    close();
  };
  return (
    <section className="actions-editor" aria-labelledby="actions-editor-titre">
      <h3 id="actions-editor-titre" ref={heading} tabIndex={-1}>
        {initial ? 'Modifier l’action' : 'Décrire l’action'}
      </h3>
      <ActionForm
        geometry={editor.geometry}
        initial={initial}
        objectives={objectives}
        newId={newActionId}
        onSave={save}
        onCancel={close}
      />
      {editor.step === 'formulaire' && initial ? (
        <button
          type="button"
          className="actions-link-button"
          onClick={() => start(editor.geometry.type, initial.properties.id)}
        >
          Redessiner sur la carte
        </button>
      ) : null}
    </section>
  );
}
