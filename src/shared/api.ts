/**
 * The one contract across google.script.run: each server function the sidebar calls, its request
 * and its result. src/main.ts declares the globals with these results (their input stays
 * `unknown`: any user of the sidebar can call a global with anything, so the server checks it),
 * and sidebar/server.ts calls them with these requests and reads these results.
 */
import type {
  CardRequest, ClassifyResult, CustomerListResult, EditFieldRequest, LogContactRequest, OpenCardResult, RevealRequest, RevealResult, SaveResult,
} from './types';

export interface ServerApi {
  /** The card of the selected row's customer, or of a customer picked by id. */
  kehuOpenCard(request: CardRequest): OpenCardResult;
  /** The customers the page searches (once per sidebar, and again when a search finds nothing). */
  kehuCustomerList(request: Record<string, never>): CustomerListResult;
  /** Logs a visit, call or complaint in the contact log; answers the card as it is now. */
  kehuLogContact(request: LogContactRequest): SaveResult;
  /** Changes one field of the customer's row unless it changed since the card read it. */
  kehuEditField(request: EditFieldRequest): SaveResult;
  /** The unmasked bank account, when the user asks. */
  kehuRevealField(request: RevealRequest): RevealResult;
  /** Runs the classification now (the card's "classify" button), then answers the card. */
  kehuClassifyNow(request: CardRequest): ClassifyResult;
}

export type ServerName = keyof ServerApi;
export type ServerRequest<K extends ServerName> = Parameters<ServerApi[K]>[0];
export type ServerResult<K extends ServerName> = ReturnType<ServerApi[K]>;

/** The server's side: each function takes what anyone may send and answers the contract's result. */
export type ServerHandlers = { [K in ServerName]: (request: unknown) => ServerResult<K> };

/** The id of the data block that carries the first card inside the sidebar's HTML (one round trip less). */
export const FIRST_CARD_ELEMENT = 'kehu-first-card';
