// When the map page loads the map (src/features/map/map-start.ts, issue 10): after the search can answer, never
// before the answer to a question the resident is asking, and at once for a map tool.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let resolveContext: () => void = () => undefined;
vi.mock('../../src/features/search/use-check-context.ts', () => ({
  loadCheckContext: () =>
    new Promise<void>((done) => {
      resolveContext = done;
    }),
}));

const {
  HOLD_MAX_MS,
  MAP_START_MARK,
  START_CAP_MS,
  holdMapForQuestion,
  resetMapStartForTests,
  useMapStarted,
} = await import('../../src/features/map/map-start.ts');
const { mapModeStore } = await import('../../src/features/map/map-mode.ts');

function Probe() {
  return <p>{useMapStarted() ? 'carte demandée' : 'carte en attente'}</p>;
}

const state = () => screen.getByText(/^carte /).textContent;

/** Lets the context promise settle and the idle callback (a timer in jsdom) run. */
async function searchBecomesReady() {
  await act(async () => {
    resolveContext();
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(5);
  });
}

describe('map start', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    resetMapStartForTests();
    mapModeStore.set('navigation');
    performance.clearMarks();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the search, then starts when nobody is asking a question', async () => {
    render(<Probe />);
    expect(state()).toBe('carte en attente');
    await act(() => vi.advanceTimersByTimeAsync(START_CAP_MS - 100));
    expect(state()).toBe('carte en attente');
    expect(performance.getEntriesByName(MAP_START_MARK, 'mark')).toHaveLength(0);
    await searchBecomesReady();
    expect(state()).toBe('carte demandée');
    // The bench's « carte demandée » mark, once: a map tool afterwards asks for nothing more.
    expect(performance.getEntriesByName(MAP_START_MARK, 'mark')).toHaveLength(1);
    act(() => mapModeStore.set('placer-point'));
    expect(performance.getEntriesByName(MAP_START_MARK, 'mark')).toHaveLength(1);
  });

  it('holds while a question waits for its answer, then starts after the frame that paints the answer', async () => {
    render(<Probe />);
    act(() => holdMapForQuestion(true));
    await searchBecomesReady();
    expect(state()).toBe('carte en attente');
    act(() => holdMapForQuestion(false));
    expect(state()).toBe('carte en attente');
    await act(() => vi.advanceTimersByTimeAsync(40));
    expect(state()).toBe('carte demandée');
  });

  it('does not hold longer than HOLD_MAX_MS after the search is ready', async () => {
    render(<Probe />);
    act(() => holdMapForQuestion(true));
    await searchBecomesReady();
    await act(() => vi.advanceTimersByTimeAsync(HOLD_MAX_MS - 50));
    expect(state()).toBe('carte en attente');
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(state()).toBe('carte demandée');
  });

  it('starts at once for a map tool, even before the search is ready', async () => {
    render(<Probe />);
    act(() => mapModeStore.set('placer-point'));
    expect(state()).toBe('carte demandée');
  });

  it('starts after START_CAP_MS when the search never becomes ready', async () => {
    render(<Probe />);
    await act(() => vi.advanceTimersByTimeAsync(START_CAP_MS + 10));
    expect(state()).toBe('carte demandée');
  });
});
