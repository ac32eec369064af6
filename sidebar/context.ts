/** What the card's parts need from the page that holds them. */
import type { CustomerCard } from '../src/shared/types';
import type { Words } from './i18n';

export interface CardContext {
  w: Words;
  /** Today in the file's time zone (ISO). */
  today: string;
  /** Who uses the card ('' when Apps Script does not say). */
  user: string;
  /** A status line read out by screen readers (aria-live). */
  announce(message: string, tone?: 'ok' | 'error'): void;
  /** Draw a new card (after a save), then focus the control named by `focus` (a data-focus value). */
  showCard(card: CustomerCard, focus?: string): void;
  /** Runs the classification from the card, then shows the card again; `done` re-enables the button on failure. */
  classify(card: CustomerCard, done: () => void): void;
}
