/**
 * The form of an action (new or edited draft). Every field has a visible label; a faulty field gets
 * `aria-invalid` and its French message linked with `aria-describedby`; on a failed submit the first faulty
 * field receives focus and a summary is announced. Values are validated by the domain schema only.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import {
  type ActionFeature,
  type ActionField,
  type ActionGeometry,
  ENJEU_IDS,
  type FieldErrors,
  OBJECTIF_IDS,
  STATUT_LABELS,
  STATUTS,
  TYPE_PORTEUR_LABELS,
  TYPES_PORTEUR,
  YEAR_MAX,
  YEAR_MIN,
} from '../../domain/actions/model.ts';
import { validateActionProperties } from '../../domain/actions/schema.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';

export interface ActionFormProps {
  geometry: ActionGeometry;
  /** The draft being edited, or `undefined` for a new action. */
  initial?: ActionFeature;
  objectives: ObjectivesFile;
  newId: () => string;
  onSave: (action: ActionFeature) => void;
  onCancel: () => void;
}

type Values = Record<Exclude<ActionField, 'geometry' | 'exemple' | 'enjeux' | 'id'>, string> & {
  enjeux: string[];
};

function initialValues(initial?: ActionFeature): Values {
  const p = initial?.properties;
  return {
    titre: p?.titre ?? '',
    description: p?.description ?? '',
    objectif: p?.objectif ?? '',
    enjeux: p?.enjeux ?? [],
    porteur: p?.porteur ?? '',
    type_porteur: p?.type_porteur ?? 'association',
    statut: p?.statut ?? 'projet',
    debut: p?.debut ?? '',
    fin: p?.fin ?? '',
    budget: p?.budget === undefined ? '' : String(p.budget),
    lien: p?.lien ?? '',
    contact: p?.contact ?? '',
  };
}

const FIELD_ORDER: ActionField[] = [
  'titre',
  'description',
  'objectif',
  'enjeux',
  'porteur',
  'type_porteur',
  'statut',
  'debut',
  'fin',
  'budget',
  'lien',
  'contact',
];

const GEOMETRY_LABELS: Record<ActionGeometry['type'], string> = {
  Point: 'un point',
  LineString: 'une ligne',
  Polygon: 'une zone',
};

export function ActionForm({ geometry, initial, objectives, newId, onSave, onCancel }: ActionFormProps) {
  const prefix = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState('');

  const idOf = (field: ActionField) => `${prefix}-${field}`;
  const errorIdOf = (field: ActionField) => `${prefix}-${field}-erreur`;
  const update = (field: keyof Values, value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));
  const toggleEnjeu = (enjeu: string, checked: boolean) =>
    setValues((previous) => ({
      ...previous,
      enjeux: checked ? [...previous.enjeux, enjeu] : previous.enjeux.filter((value) => value !== enjeu),
    }));

  const describedBy = (field: ActionField, hint?: string) =>
    [hint, errors[field] ? errorIdOf(field) : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: ActionField) =>
    errors[field] ? (
      <p id={errorIdOf(field)} className="action-form-error">
        {errors[field]}
      </p>
    ) : null;
  const inputProps = (field: Exclude<keyof Values, 'enjeux'>, hint?: string) => ({
    id: idOf(field),
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(field, hint),
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateActionProperties({
      ...values,
      id: initial?.properties.id ?? newId(),
      exemple: initial?.properties.exemple ?? false,
    });
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setSummary(`${count} champ${count > 1 ? 's' : ''} à corriger.`);
      const first = FIELD_ORDER.find((field) => result.errors[field]);
      const target = first === 'enjeux' ? `${idOf('enjeux')}-0` : first ? idOf(first) : null;
      // Focus after React has rendered the messages, so the screen reader reads them with the field.
      if (target) setTimeout(() => form.current?.querySelector<HTMLElement>(`[id="${target}"]`)?.focus(), 0);
      return;
    }
    setErrors({});
    setSummary('');
    onSave({ type: 'Feature', geometry, properties: result.value });
  };

  const yearHint = `${prefix}-annees-aide`;
  return (
    <form ref={form} className="action-form" onSubmit={submit} noValidate aria-label="Fiche de l’action">
      <p className="action-form-intro">
        Géométrie : {GEOMETRY_LABELS[geometry.type]} dessiné{geometry.type === 'Point' ? '' : 'e'} sur la
        carte. Les champs marqués * sont obligatoires.
      </p>
      <p role="alert" className="action-form-summary">
        {summary}
      </p>
      <label htmlFor={idOf('titre')}>Titre *</label>
      <input type="text" maxLength={150} required {...inputProps('titre')} />
      {fieldError('titre')}

      <label htmlFor={idOf('description')}>Description</label>
      <textarea rows={3} maxLength={2000} {...inputProps('description')} />
      {fieldError('description')}

      <label htmlFor={idOf('objectif')}>Objectif de la ville *</label>
      <select required {...inputProps('objectif')}>
        <option value="">— Choisir —</option>
        {objectives.objectifs
          .filter((objectif) => (OBJECTIF_IDS as readonly string[]).includes(objectif.id))
          .map((objectif) => (
            <option key={objectif.id} value={objectif.id}>
              {objectif.symbole} — {objectif.libelle_court}
            </option>
          ))}
      </select>
      {fieldError('objectif')}

      <fieldset
        aria-invalid={errors.enjeux ? true : undefined}
        aria-describedby={errors.enjeux ? errorIdOf('enjeux') : undefined}
      >
        <legend>Enjeux de la Métropole * (au moins un)</legend>
        {objectives.enjeux
          .filter((enjeu) => (ENJEU_IDS as readonly string[]).includes(enjeu.id))
          .map((enjeu, index) => (
            <label key={enjeu.id} className="action-form-check">
              <input
                type="checkbox"
                id={`${idOf('enjeux')}-${index}`}
                checked={values.enjeux.includes(enjeu.id)}
                aria-describedby={errors.enjeux ? errorIdOf('enjeux') : undefined}
                onChange={(event) => toggleEnjeu(enjeu.id, event.target.checked)}
              />
              {enjeu.numero}. {enjeu.libelle_court}
            </label>
          ))}
        {fieldError('enjeux')}
      </fieldset>

      <label htmlFor={idOf('porteur')}>Porteur (nom de la structure) *</label>
      <input type="text" maxLength={150} autoComplete="organization" {...inputProps('porteur')} />
      {fieldError('porteur')}

      <label htmlFor={idOf('type_porteur')}>Type de porteur *</label>
      <select {...inputProps('type_porteur')}>
        {TYPES_PORTEUR.map((type) => (
          <option key={type} value={type}>
            {TYPE_PORTEUR_LABELS[type]}
          </option>
        ))}
      </select>
      {fieldError('type_porteur')}

      <label htmlFor={idOf('statut')}>Statut *</label>
      <select {...inputProps('statut')}>
        {STATUTS.map((statut) => (
          <option key={statut} value={statut}>
            {STATUT_LABELS[statut]}
          </option>
        ))}
      </select>
      {fieldError('statut')}

      <p id={yearHint} className="action-form-hint">
        Une année (ex. 2026) ou une date AAAA-MM-JJ, entre {YEAR_MIN} et {YEAR_MAX}.
      </p>
      <div className="action-form-row">
        <div>
          <label htmlFor={idOf('debut')}>Début *</label>
          <input type="text" inputMode="numeric" {...inputProps('debut', yearHint)} />
          {fieldError('debut')}
        </div>
        <div>
          <label htmlFor={idOf('fin')}>Fin *</label>
          <input type="text" inputMode="numeric" {...inputProps('fin', yearHint)} />
          {fieldError('fin')}
        </div>
      </div>

      <label htmlFor={idOf('budget')}>Budget en euros (facultatif)</label>
      <input type="text" inputMode="decimal" {...inputProps('budget')} />
      {fieldError('budget')}

      <label htmlFor={idOf('lien')}>Lien web (facultatif, http:// ou https://)</label>
      <input type="text" inputMode="url" autoComplete="url" {...inputProps('lien')} />
      {fieldError('lien')}

      <label htmlFor={idOf('contact')}>Contact (facultatif)</label>
      <input type="text" maxLength={200} {...inputProps('contact')} />
      {fieldError('contact')}

      <div className="actions-buttons">
        <button type="submit" className="actions-button-primary">
          Enregistrer le brouillon
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
