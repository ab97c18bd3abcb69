/**
 * A bar over the map while a tool owns the pointer (placing the home, drawing an action): what to do, and large
 * « Terminer » / « Annuler » buttons for touch screens (no Escape key on a phone). Showing it brings the map into
 * view, so that a button far down the page never asks to tap a map the user cannot see.
 */
import { useEffect } from 'react';
import { bringMapIntoView } from './map-into-view.ts';

export interface MapModeBarProps {
  instruction: string;
  onCancel(): void;
  /** « Terminer » (lines and zones): omitted when a tap finishes by itself. */
  onFinish?: () => void;
  finishLabel?: string;
}

export function MapModeBar({ instruction, onCancel, onFinish, finishLabel = 'Terminer' }: MapModeBarProps) {
  useEffect(() => {
    bringMapIntoView();
  }, []);
  return (
    <div className="map-mode-bar">
      <p role="status">{instruction}</p>
      <div className="map-mode-bar-buttons">
        {onFinish ? (
          <button type="button" className="map-mode-bar-finish" onClick={onFinish}>
            {finishLabel}
          </button>
        ) : null}
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </div>
  );
}
