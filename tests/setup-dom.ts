// jsdom set-up for component tests: testing-library matchers are not used; we assert on the DOM directly.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
